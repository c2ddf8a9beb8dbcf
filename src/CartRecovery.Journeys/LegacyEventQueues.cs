namespace CartRecovery.Journeys;

/// <summary>
/// The queues customer events went to before every journey shared <see cref="JourneyEndpoints.CustomerEventsQueue"/>:
/// one per journey and one per dispatcher projection. An upgraded installation drains them into the new queue, and
/// timers or error-queue messages addressed to them are redirected there.
/// </summary>
public static class LegacyEventQueues
{
    public static readonly IReadOnlyList<string> Names =
    [
        "cart-abandonment", "browse-abandonment", "post-purchase", "inactivity",
        "customer-profiles", "conversions", "discount-codes",
    ];

    public static bool IsLegacy(string queueName) => Names.Contains(queueName, StringComparer.Ordinal);

    /// <summary>The same address with a legacy queue replaced by customer-events; any other address unchanged.</summary>
    public static Uri Redirect(Uri address)
    {
        var text = address.OriginalString;
        var query = text.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? text : text[..query];
        var cut = path.LastIndexOfAny(['/', ':']);
        return cut >= 0 && IsLegacy(path[(cut + 1)..])
            ? new Uri(string.Concat(path.AsSpan(0, cut + 1), JourneyEndpoints.CustomerEventsQueue, query < 0 ? "" : text[query..]))
            : address;
    }
}

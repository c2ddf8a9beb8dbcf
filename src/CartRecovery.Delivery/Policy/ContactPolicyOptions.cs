using CartRecovery.Contracts;

namespace CartRecovery.Delivery.Policy;

/// <summary>How often, when and to whom marketing email may go, bound from <c>Delivery:ContactPolicy</c>.
/// Dictionaries are keyed by <see cref="JourneyNames"/>.</summary>
public sealed record ContactPolicyOptions
{
    public const string SectionName = "Delivery:ContactPolicy";

    /// <summary>At most this many marketing emails per customer within <see cref="Window"/>, across journeys.</summary>
    public int MaxMarketingEmails { get; init; } = 3;

    /// <summary>The rolling window of <see cref="MaxMarketingEmails"/>.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Minimum gap between two emails of the same journey (different journey instances) per customer.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Cooldowns { get; init; } = new Dictionary<string, TimeSpan>
    {
        [JourneyNames.CartAbandonment] = TimeSpan.FromHours(48),
    };

    /// <summary>Higher wins when several deferred emails compete for a free slot; unknown journeys rank 0.</summary>
    public IReadOnlyDictionary<string, int> Priorities { get; init; } = new Dictionary<string, int>
    {
        [JourneyNames.CartAbandonment] = 3,
        [JourneyNames.PostPurchase] = 3,
        [JourneyNames.BrowseAbandonment] = 2,
        [JourneyNames.Inactivity] = 1,
    };

    /// <summary>Share of customers (0 to 50 percent) kept as a control group per journey; absent means 0.</summary>
    public IReadOnlyDictionary<string, double> HoldoutPercent { get; init; } = new Dictionary<string, double>
    {
        [JourneyNames.CartAbandonment] = 0,
        [JourneyNames.PostPurchase] = 0,
        [JourneyNames.BrowseAbandonment] = 0,
        [JourneyNames.Inactivity] = 0,
    };

    /// <summary>Local start of the quiet window in the customer's time zone; the window may wrap midnight.
    /// Equal start and end turn quiet hours off.</summary>
    public TimeOnly QuietHoursStart { get; init; } = new(21, 0);

    public TimeOnly QuietHoursEnd { get; init; } = new(8, 0);

    /// <summary>IANA id used when the customer's time zone is unknown or unrecognised.</summary>
    public string DefaultTimeZone { get; init; } = "UTC";

    /// <summary>An email that would take the customer's last free slot waits this long first, so emails falling due
    /// together compete by <see cref="Priorities"/>; zero turns the contest off (the first claim wins).</summary>
    public TimeSpan ContentionWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Every email is held this long after it was requested and then sent only if no order, checkout or
    /// cancel reached its journey meanwhile: shops send events late. Zero sends at once (after the same check).</summary>
    public TimeSpan SettleWindow { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after the original request a deferred email may still go out; later it is dropped.</summary>
    public TimeSpan DeferralExpiry { get; init; } = TimeSpan.FromHours(24);
}

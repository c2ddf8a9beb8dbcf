namespace CartRecovery.Journeys.Inactivity;

/// <summary>Marketer-tunable delays of the win-back journey, bound from <c>Journeys:Inactivity</c>.</summary>
public sealed record InactivityOptions
{
    public const string SectionName = "Journeys:Inactivity";

    /// <summary>A customer with no activity (visit, cart, order, open, click) for this long has lapsed.</summary>
    public TimeSpan InactiveAfter { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The win-back incentive follows the re-engagement email after this long without activity.</summary>
    public TimeSpan WinBackDelay { get; init; } = TimeSpan.FromDays(14);

    /// <summary>This long after the win-back email without activity, the customer is marked unengaged (sunset).</summary>
    public TimeSpan SunsetDelay { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The percentage the win-back email's unique code gives.</summary>
    public int WinBackDiscountPercent { get; init; } = 15;
}

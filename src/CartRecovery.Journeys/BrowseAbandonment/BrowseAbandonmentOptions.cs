namespace CartRecovery.Journeys.BrowseAbandonment;

/// <summary>Marketer-tunable thresholds of the browse journey, bound from <c>Journeys:BrowseAbandonment</c>.</summary>
public sealed record BrowseAbandonmentOptions
{
    public const string SectionName = "Journeys:BrowseAbandonment";

    /// <summary>This many views of the same product within <see cref="ViewWindow"/> show interest.</summary>
    public int MinViews { get; init; } = 3;

    /// <summary>The sliding window views are counted in.</summary>
    public TimeSpan ViewWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A single view longer than this shows interest on its own.</summary>
    public TimeSpan LongViewThreshold { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>After interest shows, the email waits this long for an add-to-cart or order that makes it moot.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromHours(1);

    /// <summary>At most one browse email per product and customer in this period; an add-to-cart or order of the
    /// product also rests the journey this long, while the cart journey runs.</summary>
    public TimeSpan EmailCooldown { get; init; } = TimeSpan.FromDays(7);
}

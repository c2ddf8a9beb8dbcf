namespace CartRecovery.Delivery.Profiles;

/// <summary>What delivery needs to know about a customer to decide on, and personalise, an email.</summary>
public sealed record CustomerProfile
{
    public required string CustomerId { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    /// <summary>IANA time zone id, e.g. "Europe/Berlin"; quiet hours are kept in it.</summary>
    public string? TimeZone { get; init; }
    /// <summary>BCP-47 tag, e.g. "de-DE"; prices and dates are formatted for it.</summary>
    public string? Locale { get; init; }
    public bool MarketingConsent { get; init; }
    public bool Unsubscribed { get; init; }
    public int OrderCount { get; init; }
    public decimal LifetimeValue { get; init; }
    /// <summary>Sum of <see cref="EngagementPoints"/> the customer earned.</summary>
    public int EngagementScore { get; init; }
    public DateTimeOffset? LastEngagedAt { get; init; }
}

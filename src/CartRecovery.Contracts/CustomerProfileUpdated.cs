namespace CartRecovery.Contracts;

public sealed record CustomerProfileUpdated
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required string Email { get; init; }
    public string? FirstName { get; init; }
    /// <summary>IANA time zone id, e.g. "Europe/Berlin"; quiet hours are kept in it.</summary>
    public string? TimeZone { get; init; }
    /// <summary>BCP-47 tag, e.g. "de-DE"; prices and dates are formatted for it.</summary>
    public string? Locale { get; init; }
    public required bool MarketingConsent { get; init; }
}

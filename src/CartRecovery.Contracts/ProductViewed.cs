namespace CartRecovery.Contracts;

public sealed record ProductViewed
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required string Sku { get; init; }
    public required string Name { get; init; }
    public required decimal UnitPrice { get; init; }
    public required string Currency { get; init; }
    public string? Category { get; init; }
    public Uri? ImageUrl { get; init; }
    public Uri? ProductUrl { get; init; }
    /// <summary>How long the product page stayed in view, when the collector knows it.</summary>
    public TimeSpan? ViewDuration { get; init; }
}

namespace CartRecovery.Contracts;

public sealed record CustomerUnsubscribed
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>Where the unsubscribe came from: "link", "one-click", "shop", "complaint".</summary>
    public string? Source { get; init; }
}

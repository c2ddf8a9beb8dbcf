namespace CartRecovery.Contracts;

public sealed record CartItemAdded
{
    /// <summary>The producer's idempotency key: the same event sent twice carries the same id.</summary>
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required Guid CartId { get; init; }
    public required ProductLine Item { get; init; }
}

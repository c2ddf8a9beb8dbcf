namespace CartRecovery.Contracts;

public sealed record CheckoutStarted
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required Guid CartId { get; init; }
}

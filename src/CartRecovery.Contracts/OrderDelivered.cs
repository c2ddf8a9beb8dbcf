namespace CartRecovery.Contracts;

public sealed record OrderDelivered
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required Guid OrderId { get; init; }
}

namespace CartRecovery.Contracts;

public sealed record OrderCancelled
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required Guid OrderId { get; init; }
    /// <summary>Free text such as "refunded" or "customer request"; never personal data.</summary>
    public string? Reason { get; init; }
}

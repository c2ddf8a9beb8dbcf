namespace CartRecovery.Contracts;

public sealed record CartAbandoned
{
    public required Guid CartId { get; init; }
    public required string CustomerId { get; init; }
    public required DateTimeOffset AbandonedAt { get; init; }
    public required decimal CartValue { get; init; }
    public required string Currency { get; init; }
}

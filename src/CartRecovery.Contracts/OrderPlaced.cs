namespace CartRecovery.Contracts;

public sealed record OrderPlaced
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required Guid OrderId { get; init; }
    /// <summary>The cart the order came from; absent for orders taken without a cart (phone, marketplace).</summary>
    public Guid? CartId { get; init; }
    public required IReadOnlyList<ProductLine> Lines { get; init; }
    public required decimal Total { get; init; }
    public required string Currency { get; init; }
}

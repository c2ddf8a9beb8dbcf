namespace CartRecovery.Contracts;

public sealed record CartItemRemoved
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required Guid CartId { get; init; }
    public required string Sku { get; init; }
    /// <summary>How many units left the cart; the line goes when none remain.</summary>
    public required int Quantity { get; init; }
}

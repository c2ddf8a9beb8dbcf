namespace CartRecovery.Contracts;

/// <summary>One product in a cart or an order.</summary>
public sealed record ProductLine
{
    public required string Sku { get; init; }
    public required string Name { get; init; }
    public required decimal UnitPrice { get; init; }
    /// <summary>ISO-4217 code, e.g. "EUR".</summary>
    public required string Currency { get; init; }
    public required int Quantity { get; init; }
    public string? Category { get; init; }
    public Uri? ImageUrl { get; init; }
    public Uri? ProductUrl { get; init; }
}

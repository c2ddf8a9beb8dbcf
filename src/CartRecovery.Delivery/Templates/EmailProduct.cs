using CartRecovery.Contracts;

namespace CartRecovery.Delivery.Templates;

/// <summary>A product as an email shows it, with its click link already signed.</summary>
public sealed record EmailProduct
{
    public required string Name { get; init; }
    public required string Sku { get; init; }
    public required int Quantity { get; init; }
    public required decimal UnitPrice { get; init; }
    /// <summary>ISO-4217 code, e.g. "EUR".</summary>
    public required string Currency { get; init; }
    public string? Category { get; init; }
    public Uri? ImageUrl { get; init; }
    public required Uri ClickUrl { get; init; }

    public static EmailProduct From(ProductLine line, Uri clickUrl)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new EmailProduct
        {
            Name = line.Name,
            Sku = line.Sku,
            Quantity = line.Quantity,
            UnitPrice = line.UnitPrice,
            Currency = line.Currency,
            Category = line.Category,
            ImageUrl = line.ImageUrl,
            ClickUrl = clickUrl,
        };
    }
}

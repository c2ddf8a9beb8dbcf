using CartRecovery.Contracts;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>Valid events with sensible defaults, for specs to vary one field at a time.</summary>
public static class Events
{
    public const string CustomerId = "customer-42";

    public static ProductLine Line(string sku = "SKU-1", int quantity = 1, decimal unitPrice = 25m) => new()
    {
        Sku = sku,
        Name = $"Product {sku}",
        UnitPrice = unitPrice,
        Currency = "EUR",
        Quantity = quantity,
        Category = "shoes",
        ImageUrl = new Uri($"https://shop.example/img/{sku}.jpg"),
        ProductUrl = new Uri($"https://shop.example/p/{sku}"),
    };

    public static CartItemAdded ItemAdded(Guid cartId, DateTimeOffset at, string sku = "SKU-1", int quantity = 1,
        decimal unitPrice = 25m, string customerId = CustomerId) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = customerId,
        CartId = cartId,
        Item = Line(sku, quantity, unitPrice),
    };

    public static CartItemRemoved ItemRemoved(Guid cartId, DateTimeOffset at, string sku = "SKU-1", int quantity = 1) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = CustomerId,
        CartId = cartId,
        Sku = sku,
        Quantity = quantity,
    };

    public static CheckoutStarted CheckoutStarted(Guid cartId, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = CustomerId,
        CartId = cartId,
    };

    public static OrderPlaced OrderPlaced(Guid? cartId, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = CustomerId,
        OrderId = Guid.NewGuid(),
        CartId = cartId,
        Lines = [Line()],
        Total = 25m,
        Currency = "EUR",
    };
}

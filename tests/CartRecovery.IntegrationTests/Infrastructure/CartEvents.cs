using CartRecovery.Contracts;

namespace CartRecovery.IntegrationTests.Infrastructure;

public static class CartEvents
{
    public const string CustomerId = "it-customer";

    public static CartItemAdded ItemAdded(Guid cartId, string sku = "SKU-1", int quantity = 1, decimal unitPrice = 20m,
        string customerId = CustomerId) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customerId,
        CartId = cartId,
        Item = new ProductLine
        {
            Sku = sku,
            Name = $"Product {sku}",
            UnitPrice = unitPrice,
            Currency = "EUR",
            Quantity = quantity,
            ProductUrl = new Uri($"https://shop.example/p/{sku}"),
        },
    };

    public static CheckoutStarted CheckoutStarted(Guid cartId) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = CustomerId,
        CartId = cartId,
    };

    public static OrderPlaced OrderPlaced(Guid cartId, string customerId = CustomerId, decimal total = 20m) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customerId,
        OrderId = Guid.NewGuid(),
        CartId = cartId,
        Lines = [],
        Total = total,
        Currency = "EUR",
    };
}

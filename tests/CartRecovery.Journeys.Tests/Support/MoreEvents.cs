using CartRecovery.Contracts;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>Valid events the cart specs did not need, with sensible defaults, for specs to vary one field at a time.</summary>
public static class MoreEvents
{
    public static ProductViewed ProductViewed(DateTimeOffset at, string sku = "SKU-1", TimeSpan? duration = null,
        string customerId = Events.CustomerId, decimal unitPrice = 25m) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = customerId,
        Sku = sku,
        Name = $"Product {sku}",
        UnitPrice = unitPrice,
        Currency = "EUR",
        Category = "shoes",
        ImageUrl = new Uri($"https://shop.example/img/{sku}.jpg"),
        ProductUrl = new Uri($"https://shop.example/p/{sku}"),
        ViewDuration = duration,
    };

    public static OrderPlaced OrderPlaced(DateTimeOffset at, Guid? orderId = null, string customerId = Events.CustomerId,
        params string[] skus) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = customerId,
        OrderId = orderId ?? Guid.NewGuid(),
        Lines = [.. (skus.Length == 0 ? ["SKU-1"] : skus).Select(s => Events.Line(s))],
        Total = 25m * Math.Max(1, skus.Length),
        Currency = "EUR",
    };

    public static OrderShipped OrderShipped(Guid orderId, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = Events.CustomerId,
        OrderId = orderId,
        Carrier = "DHL",
        TrackingNumber = "00340434161094042557",
        TrackingUrl = new Uri("https://track.example/123"),
    };

    public static OrderDelivered OrderDelivered(Guid orderId, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = Events.CustomerId,
        OrderId = orderId,
    };

    public static OrderCancelled OrderCancelled(Guid orderId, DateTimeOffset at, string? reason = "customer request") => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = Events.CustomerId,
        OrderId = orderId,
        Reason = reason,
    };

    public static EmailOpened EmailOpened(DateTimeOffset at, string customerId = Events.CustomerId) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = customerId,
        JourneyId = Guid.NewGuid(),
        Step = 1,
    };

    public static EmailClicked EmailClicked(DateTimeOffset at, string customerId = Events.CustomerId) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        CustomerId = customerId,
        JourneyId = Guid.NewGuid(),
        Step = 1,
        Url = new Uri("https://shop.example/p/SKU-1"),
    };
}

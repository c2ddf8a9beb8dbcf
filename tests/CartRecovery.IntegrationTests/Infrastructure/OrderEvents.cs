using CartRecovery.Contracts;
using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>A post-purchase journey's events: an order of one kettle, and its shipment with a tracking link.</summary>
public static class OrderEvents
{
    public static OrderPlaced Placed(string customerId, Guid orderId) => new()
    {
        EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, CustomerId = customerId, OrderId = orderId,
        Lines = [CartEvents.ItemAdded(orderId, "KETTLE-2").Item], Total = 20m, Currency = "EUR",
    };

    public static OrderShipped Shipped(string customerId, Guid orderId) => new()
    {
        EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, CustomerId = customerId, OrderId = orderId,
        Carrier = "DHL", TrackingNumber = "00340434161094042557", TrackingUrl = new Uri("https://parcels.example.net/track/00340434161094042557"),
    };
}

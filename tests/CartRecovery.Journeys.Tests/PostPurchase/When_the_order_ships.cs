using CartRecovery.Contracts;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.PostPurchase;

public sealed class When_the_order_ships : IAsyncLifetime
{
    private readonly Guid _orderId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId, skus: ["SKU-1", "SKU-2"]));
        await _h.Advance(TimeSpan.FromDays(1));
        await _h.Publish(MoreEvents.OrderShipped(_orderId, _h.Now));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_request_the_shipment_email_with_the_order_lines()
    {
        var journey = await _h.PurchaseIn(_orderId, m => m.Shipped);
        Assert.Equal(_h.Now, journey.ShippedAt);

        var email = Assert.Single(await _h.EmailsOf(JourneyNames.PostPurchase));
        Assert.Equal(_orderId, email.JourneyId);
        Assert.Equal(PostPurchaseSteps.Shipment, email.Step);
        Assert.Equal(PostPurchaseSteps.ShipmentName, email.StepName);
        Assert.Equal(["SKU-1", "SKU-2"], email.Products.Select(p => p.Sku));
        Assert.Equal(50m, email.CartValue);
        Assert.Equal("EUR", email.Currency);
        Assert.Equal(_orderId, email.OrderId);
    }

    [Fact]
    public async Task Should_give_the_shipment_email_the_carrier_and_tracking_details()
    {
        var email = Assert.Single(await _h.EmailsOf(JourneyNames.PostPurchase));
        Assert.Equal("DHL", email.Carrier);
        Assert.Equal("00340434161094042557", email.TrackingNumber);
        Assert.Equal(new Uri("https://track.example/123"), email.TrackingUrl);
    }

    [Fact]
    public async Task Should_send_the_shipment_email_once_when_the_shipment_is_reported_twice()
    {
        await _h.Publish(MoreEvents.OrderShipped(_orderId, _h.Now));
        await _h.PurchaseIn(_orderId, m => m.Shipped);
        Assert.Single(await _h.EmailsOf(JourneyNames.PostPurchase));
    }

    [Fact]
    public async Task Should_keep_the_fallback_review_request_until_a_delivery_comes()
    {
        await _h.PurchaseIn(_orderId, m => m.Shipped);
        await _h.Advance(TimeSpan.FromDays(13)); // 14 days after the order
        await _h.PurchaseIn(_orderId, m => m.ReviewRequested);
        Assert.Equal([PostPurchaseSteps.Shipment, PostPurchaseSteps.Review],
            (await _h.EmailsOf(JourneyNames.PostPurchase)).Select(e => e.Step));
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.PostPurchase;

public sealed class When_delivery_is_reported_before_shipment : IAsyncLifetime
{
    private readonly Guid _orderId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId));
        await _h.Advance(TimeSpan.FromDays(2));
        await _h.Publish(MoreEvents.OrderDelivered(_orderId, _h.Now));
        await _h.Advance(TimeSpan.FromHours(1));
        await _h.Publish(MoreEvents.OrderShipped(_orderId, _h.Now));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_note_the_late_shipment_without_an_on_its_way_email()
    {
        var journey = await _h.PurchaseIn(_orderId, m => m.Delivered);
        Assert.Equal(_h.Now, journey.ShippedAt);
        Assert.Null(journey.ShipmentEmailRequestedAt);
        Assert.Empty(await _h.EmailsOf(JourneyNames.PostPurchase));
    }

    [Fact]
    public async Task Should_still_request_the_review_seven_days_after_delivery()
    {
        await _h.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(1));
        await _h.PurchaseIn(_orderId, m => m.ReviewRequested);
        Assert.Equal([PostPurchaseSteps.Review], (await _h.EmailsOf(JourneyNames.PostPurchase)).Select(e => e.Step));
    }
}

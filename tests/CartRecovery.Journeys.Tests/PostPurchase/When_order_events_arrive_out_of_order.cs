using CartRecovery.Contracts;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.PostPurchase;

public sealed class When_order_events_arrive_out_of_order : IAsyncLifetime
{
    private readonly Guid _orderId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync() => _h = await MoreJourneysHarness.Start();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_never_start_a_journey_for_an_order_whose_cancellation_came_first()
    {
        await _h.Publish(MoreEvents.OrderCancelled(_orderId, _h.Now, "refund"));
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId));

        var journey = await _h.PurchaseIn(_orderId, m => m.Final);
        Assert.Equal(PostPurchaseOutcomes.Refunded, journey.Outcome);
        Assert.Empty(journey.Lines);
        Assert.Equal(0, _h.Scheduler.ScheduledCount<ReviewRequestDue>(t => t.OrderId == _orderId));
    }

    [Fact]
    public async Task Should_not_keep_anything_for_shipments_or_deliveries_of_unknown_orders()
    {
        await _h.Publish(MoreEvents.OrderShipped(_orderId, _h.Now));
        await _h.Publish(MoreEvents.OrderDelivered(_orderId, _h.Now));
        Assert.Null(await _h.Load<PostPurchaseState>(_orderId));
    }
}

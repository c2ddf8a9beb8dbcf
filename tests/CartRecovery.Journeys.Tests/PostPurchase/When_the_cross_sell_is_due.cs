using CartRecovery.Contracts;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.PostPurchase;

public sealed class When_the_cross_sell_is_due : IAsyncLifetime
{
    private readonly Guid _orderId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId));
        await _h.Publish(MoreEvents.OrderShipped(_orderId, _h.Now));
        await _h.Advance(TimeSpan.FromDays(2));
        await _h.Publish(MoreEvents.OrderDelivered(_orderId, _h.Now));
        await _h.Advance(TimeSpan.FromDays(7));
        await _h.PurchaseIn(_orderId, m => m.ReviewRequested);
        await _h.Advance(TimeSpan.FromDays(30));
        await _h.Consumed<CrossSellDue>(c => c.Message.OrderId == _orderId);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_request_the_cross_sell_email_and_end_as_completed()
    {
        var journey = await _h.PurchaseIn(_orderId, m => m.Final);
        Assert.Equal(PostPurchaseOutcomes.Completed, journey.Outcome);
        Assert.Equal(_h.Now, journey.CrossSellEmailRequestedAt);
        var crossSell = (await _h.EmailsOf(JourneyNames.PostPurchase)).Single(e => e.Step == PostPurchaseSteps.CrossSell);
        Assert.Equal(PostPurchaseSteps.CrossSellName, crossSell.StepName);
    }

    [Fact]
    public async Task Should_have_sent_each_step_once_in_order()
    {
        await _h.PurchaseIn(_orderId, m => m.Final);
        Assert.Equal([PostPurchaseSteps.Shipment, PostPurchaseSteps.Review, PostPurchaseSteps.CrossSell],
            (await _h.EmailsOf(JourneyNames.PostPurchase)).Select(e => e.Step));
        Assert.Empty(_h.PendingPostPurchaseTimersFor(_orderId));
    }

    [Fact]
    public async Task Should_ignore_late_events_after_the_end()
    {
        await _h.Publish(MoreEvents.OrderDelivered(_orderId, _h.Now));
        await _h.Publish(MoreEvents.OrderCancelled(_orderId, _h.Now, "refunded"));
        var journey = await _h.PurchaseIn(_orderId, m => m.Final);
        Assert.Equal(PostPurchaseOutcomes.Completed, journey.Outcome);
        Assert.Empty(_h.PendingPostPurchaseTimersFor(_orderId));
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.PostPurchase;

public sealed class When_the_order_is_cancelled : IAsyncLifetime
{
    private readonly Guid _orderId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId));
        await _h.Publish(MoreEvents.OrderShipped(_orderId, _h.Now));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_as_cancelled_and_clear_every_timer()
    {
        await _h.Publish(MoreEvents.OrderCancelled(_orderId, _h.Now));
        var journey = await _h.PurchaseIn(_orderId, m => m.Final);
        Assert.Equal(PostPurchaseOutcomes.Cancelled, journey.Outcome);
        Assert.Null(journey.ReviewRequestTokenId);
        Assert.Empty(_h.PendingPostPurchaseTimersFor(_orderId));

        await _h.Advance(TimeSpan.FromDays(14));
        Assert.Equal([PostPurchaseSteps.Shipment], (await _h.EmailsOf(JourneyNames.PostPurchase)).Select(e => e.Step));
    }

    [Fact]
    public async Task Should_end_as_refunded_when_the_reason_mentions_a_refund()
    {
        await _h.Publish(MoreEvents.OrderCancelled(_orderId, _h.Now, "Refunded after return"));
        var journey = await _h.PurchaseIn(_orderId, m => m.Final);
        Assert.Equal(PostPurchaseOutcomes.Refunded, journey.Outcome);
    }

    [Fact]
    public async Task Should_stop_the_cross_sell_after_the_review_request()
    {
        await _h.Advance(TimeSpan.FromDays(14));
        await _h.PurchaseIn(_orderId, m => m.ReviewRequested);
        await _h.Publish(MoreEvents.OrderCancelled(_orderId, _h.Now, "refund"));
        await _h.PurchaseIn(_orderId, m => m.Final);
        Assert.Empty(_h.PendingPostPurchaseTimersFor(_orderId));

        await _h.Advance(TimeSpan.FromDays(30));
        Assert.DoesNotContain(await _h.EmailsOf(JourneyNames.PostPurchase), e => e.Step == PostPurchaseSteps.CrossSell);
    }
}

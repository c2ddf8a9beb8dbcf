using CartRecovery.Contracts;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.PostPurchase;

public sealed class When_support_cancels_the_post_purchase_journey : IAsyncLifetime
{
    private readonly Guid _orderId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId));
        await _h.Publish(MoreEvents.OrderDelivered(_orderId, _h.Now));
        await _h.PurchaseIn(_orderId, m => m.Delivered);
        await _h.Publish(new CancelJourney { JourneyId = _orderId, RequestedAt = _h.Now });
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_it_as_cancelled_by_support_with_no_timer_left()
    {
        var journey = await _h.PurchaseIn(_orderId, m => m.Final);
        Assert.Equal(PostPurchaseOutcomes.CancelledBySupport, journey.Outcome);
        Assert.Empty(_h.PendingPostPurchaseTimersFor(_orderId));
    }

    [Fact]
    public async Task Should_request_no_review_or_cross_sell_email_later()
    {
        await _h.Advance(TimeSpan.FromDays(60));
        await _h.Publish(MoreEvents.OrderShipped(_orderId, _h.Now));

        Assert.Empty(await _h.EmailsOf(JourneyNames.PostPurchase));
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.PostPurchase;

public sealed class When_the_order_is_delivered : IAsyncLifetime
{
    private readonly Guid _orderId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId));
        await _h.Advance(TimeSpan.FromDays(1));
        await _h.Publish(MoreEvents.OrderShipped(_orderId, _h.Now));
        await _h.Advance(TimeSpan.FromDays(2));
        await _h.Publish(MoreEvents.OrderDelivered(_orderId, _h.Now));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_replace_the_fallback_with_a_review_request_a_week_after_delivery()
    {
        var journey = await _h.PurchaseIn(_orderId, m => m.Delivered);
        Assert.Equal(_h.Now, journey.DeliveredAt);
        Assert.Equal(2, _h.Scheduler.ScheduledCount<ReviewRequestDue>(t => t.OrderId == _orderId));
        Assert.IsType<ReviewRequestDue>(Assert.Single(_h.PendingPostPurchaseTimersFor(_orderId)));
    }

    [Fact]
    public async Task Should_request_the_review_seven_days_after_delivery()
    {
        await _h.Advance(TimeSpan.FromDays(7));
        await _h.PurchaseIn(_orderId, m => m.ReviewRequested);

        var review = (await _h.EmailsOf(JourneyNames.PostPurchase)).Single(e => e.Step == PostPurchaseSteps.Review);
        Assert.Equal(PostPurchaseSteps.ReviewName, review.StepName);
        Assert.Equal(_h.Now, review.RequestedAt);
        Assert.Equal(["SKU-1"], review.Products.Select(p => p.Sku));
    }

    [Fact]
    public async Task Should_not_request_the_review_before_seven_days_after_delivery()
    {
        await _h.Advance(TimeSpan.FromDays(6));
        await _h.PurchaseIn(_orderId, m => m.Delivered);
        Assert.DoesNotContain(await _h.EmailsOf(JourneyNames.PostPurchase), e => e.Step == PostPurchaseSteps.Review);
    }

    [Fact]
    public async Task Should_ignore_a_repeated_delivery()
    {
        await _h.Publish(MoreEvents.OrderDelivered(_orderId, _h.Now));
        await _h.PurchaseIn(_orderId, m => m.Delivered);
        Assert.Equal(2, _h.Scheduler.ScheduledCount<ReviewRequestDue>(t => t.OrderId == _orderId));
    }
}

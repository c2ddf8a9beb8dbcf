using CartRecovery.Contracts;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.PostPurchase;

public sealed class When_an_order_is_placed : IAsyncLifetime
{
    private readonly Guid _orderId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId, skus: ["SKU-1", "SKU-2"]));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_start_the_journey_for_that_order()
    {
        var journey = await _h.PurchaseIn(_orderId, m => m.Placed);
        Assert.Equal(Events.CustomerId, journey.CustomerId);
        Assert.Equal(["SKU-1", "SKU-2"], journey.Lines.Select(l => l.Sku));
        Assert.Equal(50m, journey.Total);
        Assert.Equal(_h.Now, journey.StartedAt);
    }

    [Fact]
    public async Task Should_arm_the_fallback_review_request_and_nothing_else()
    {
        var journey = await _h.PurchaseIn(_orderId, m => m.Placed);
        Assert.NotNull(journey.ReviewRequestTokenId);
        Assert.Null(journey.CrossSellTokenId);
        Assert.IsType<ReviewRequestDue>(Assert.Single(_h.PendingPostPurchaseTimersFor(_orderId)));
        Assert.Empty(await _h.EmailsOf(JourneyNames.PostPurchase));
    }

    [Fact]
    public async Task Should_ignore_a_re_sent_order()
    {
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId, skus: "SKU-9"));
        var journey = await _h.PurchaseIn(_orderId, m => m.Placed);
        Assert.Equal(["SKU-1", "SKU-2"], journey.Lines.Select(l => l.Sku));
        Assert.Equal(1, _h.Scheduler.ScheduledCount<ReviewRequestDue>(t => t.OrderId == _orderId));
    }
}

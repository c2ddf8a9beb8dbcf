using CartRecovery.Contracts;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.PostPurchase;

/// <summary>Each timer was taken by the scheduler before the refund ended the journey (or is a redelivery of one that
/// already fired), so it still arrives with the token it was armed with.</summary>
public sealed class When_a_timer_arrives_after_the_post_purchase_journey_ended : IAsyncLifetime
{
    private readonly Guid _orderId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;
    private Guid _reviewToken;
    private Guid _crossSellToken;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, _orderId));
        _reviewToken = (await _h.PurchaseIn(_orderId, m => m.Placed)).ReviewRequestTokenId!.Value;
        await _h.Advance(TimeSpan.FromDays(14));
        _crossSellToken = (await _h.PurchaseIn(_orderId, m => m.ReviewRequested)).CrossSellTokenId!.Value;
        await _h.Publish(MoreEvents.OrderCancelled(_orderId, _h.Now, "refunded"));
        await _h.PurchaseIn(_orderId, m => m.Final);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_ignore_the_review_request() =>
        await AssertIgnored(new ReviewRequestDue { OrderId = _orderId }, _reviewToken);

    [Fact]
    public async Task Should_ignore_the_cross_sell() =>
        await AssertIgnored(new CrossSellDue { OrderId = _orderId }, _crossSellToken);

    private async Task AssertIgnored<T>(T timer, Guid tokenId)
        where T : class
    {
        var messageId = await _h.SendAsScheduled(timer, tokenId);

        Assert.Empty(_h.FaultsOf<T>(c => c.MessageId == messageId));
        var journey = await _h.PurchaseIn(_orderId, m => m.Final);
        Assert.Equal(PostPurchaseOutcomes.Refunded, journey.Outcome);
        Assert.Equal([PostPurchaseSteps.Review], (await _h.EmailsOf(JourneyNames.PostPurchase)).Select(e => e.Step));
        Assert.Empty(_h.PendingPostPurchaseTimersFor(_orderId));
    }
}

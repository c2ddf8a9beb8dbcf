using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

/// <summary>Each timer was taken by the scheduler before the order ended the journey (or is a redelivery of one that
/// already fired), so it still arrives with the token it was armed with.</summary>
public sealed class When_a_timer_arrives_after_the_journey_ended : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;
    private Guid _idleToken;
    private Guid _discountToken;
    private Guid _expiryToken;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        var active = await _h.CartIn(_cartId, m => m.Active);
        _idleToken = active.IdleTimeoutTokenId!.Value;
        _expiryToken = active.ExpiryTokenId!.Value;
        await _h.Advance(TimeSpan.FromMinutes(30));
        _discountToken = (await _h.CartIn(_cartId, m => m.Abandoned)).DiscountFollowUpTokenId!.Value;
        await _h.Publish(Events.OrderPlaced(_cartId, _h.Now));
        await _h.CartIn(_cartId, m => m.Final);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_ignore_the_idle_timeout() =>
        await AssertIgnored(new CartIdleTimeoutElapsed { CartId = _cartId }, _idleToken);

    [Fact]
    public async Task Should_ignore_the_discount_follow_up() =>
        await AssertIgnored(new DiscountFollowUpDue { CartId = _cartId }, _discountToken);

    [Fact]
    public async Task Should_ignore_the_expiry() =>
        await AssertIgnored(new CartJourneyExpired { CartId = _cartId }, _expiryToken);

    private async Task AssertIgnored<T>(T timer, Guid tokenId)
        where T : class
    {
        var messageId = await _h.SendAsScheduled(timer, tokenId);

        Assert.Empty(_h.FaultsOf<T>(c => c.MessageId == messageId));
        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Recovered, cart.Outcome);
        Assert.Equal([CartAbandonmentSteps.Recovery], (await _h.EmailsOf(JourneyNames.CartAbandonment)).Select(e => e.Step));
    }
}

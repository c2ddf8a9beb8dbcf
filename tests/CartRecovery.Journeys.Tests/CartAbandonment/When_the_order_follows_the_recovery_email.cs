using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_the_order_follows_the_recovery_email : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;
    private OrderPlaced _order = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.CartIn(_cartId, m => m.Abandoned);
        await _h.Advance(TimeSpan.FromHours(2));
        _order = Events.OrderPlaced(_cartId, _h.Now);
        await _h.Publish(_order);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_the_journey_as_recovered()
    {
        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Recovered, cart.Outcome);
        Assert.Equal(_order.OrderId, cart.OrderId);
    }

    [Fact]
    public async Task Should_publish_CartJourneyEnded_with_the_outcome()
    {
        Assert.True(await _h.Bus.Published.Any<CartJourneyEnded>(x =>
            x.Context.Message.CartId == _cartId && x.Context.Message.Outcome == CartJourneyOutcomes.Recovered));
    }

    [Fact]
    public async Task Should_clear_every_pending_timer()
    {
        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Null(cart.IdleTimeoutTokenId);
        Assert.Null(cart.DiscountFollowUpTokenId);
        Assert.Null(cart.ExpiryTokenId);
        Assert.Empty(_h.PendingTimersFor(_cartId));
    }

    [Fact]
    public async Task Should_not_send_the_discount_email_when_the_follow_up_would_have_been_due()
    {
        await _h.Advance(TimeSpan.FromHours(24));
        Assert.False(await _h.Bus.Sent.Any<SendJourneyEmail>(x => x.Context.Message.Step == CartAbandonmentSteps.Discount));
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_checkout_starts : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        await _h.Advance(TimeSpan.FromMinutes(5));
        await _h.Publish(Events.CheckoutStarted(_cartId, _h.Now));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_pause_the_abandonment_clock()
    {
        var cart = await _h.CartIn(_cartId, m => m.CheckingOut);
        Assert.Null(cart.IdleTimeoutTokenId);
        Assert.DoesNotContain(_h.PendingTimersFor(_cartId), t => t is CartIdleTimeoutElapsed);

        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.CartIn(_cartId, m => m.CheckingOut);
        Assert.False(await _h.Bus.Sent.Any<SendJourneyEmail>());
    }

    [Fact]
    public async Task Should_end_as_converted_when_the_order_arrives()
    {
        await _h.Publish(Events.OrderPlaced(_cartId, _h.Now));
        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Converted, cart.Outcome);
    }

    [Fact]
    public async Task Should_open_a_new_idle_window_on_cart_activity_and_abandon_after_it()
    {
        await _h.Advance(TimeSpan.FromMinutes(40));
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, "SKU-2"));
        var cart = await _h.CartIn(_cartId, m => m.Active);
        Assert.NotNull(cart.IdleTimeoutTokenId);

        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.CartIn(_cartId, m => m.Abandoned);
        Assert.True(await _h.Bus.Sent.Any<SendJourneyEmail>(x => x.Context.Message.JourneyId == _cartId));
    }

    [Fact]
    public async Task Should_ignore_a_repeated_checkout()
    {
        await _h.Publish(Events.CheckoutStarted(_cartId, _h.Now));
        await _h.CartIn(_cartId, m => m.CheckingOut);
    }
}

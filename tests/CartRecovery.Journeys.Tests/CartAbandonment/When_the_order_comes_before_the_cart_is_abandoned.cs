using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_the_order_comes_before_the_cart_is_abandoned : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        await _h.Advance(TimeSpan.FromMinutes(5));
        await _h.Publish(Events.OrderPlaced(_cartId, _h.Now));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_the_journey_as_converted()
    {
        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Converted, cart.Outcome);
    }

    [Fact]
    public async Task Should_never_email_even_after_the_idle_timer_fires()
    {
        Assert.Empty(_h.PendingTimersFor(_cartId));
        await _h.Advance(TimeSpan.FromDays(8));

        Assert.False(await _h.Bus.Sent.Any<SendJourneyEmail>());
        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Converted, cart.Outcome);
    }
}

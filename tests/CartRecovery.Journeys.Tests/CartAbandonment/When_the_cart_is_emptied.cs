using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_the_cart_is_emptied : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, "SKU-1", quantity: 2));
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, "SKU-2"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_keep_going_while_any_line_remains()
    {
        await _h.Publish(Events.ItemRemoved(_cartId, _h.Now, "SKU-1", quantity: 2));
        var cart = await _h.CartIn(_cartId, m => m.Active);
        Assert.Equal(["SKU-2"], cart.Lines.Select(l => l.Sku));
    }

    [Fact]
    public async Task Should_end_the_journey_as_emptied_and_never_email()
    {
        await _h.Publish(Events.ItemRemoved(_cartId, _h.Now, "SKU-1", quantity: 2));
        await _h.Publish(Events.ItemRemoved(_cartId, _h.Now, "SKU-2"));

        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Emptied, cart.Outcome);

        Assert.Empty(_h.PendingTimersFor(_cartId));
        await _h.Advance(TimeSpan.FromMinutes(30));
        Assert.False(await _h.Bus.Sent.Any<SendJourneyEmail>());
    }

    [Fact]
    public async Task Should_end_an_abandoned_cart_as_emptied_before_the_discount()
    {
        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.CartIn(_cartId, m => m.Abandoned);
        await _h.Publish(Events.ItemRemoved(_cartId, _h.Now, "SKU-1", quantity: 2));
        await _h.Publish(Events.ItemRemoved(_cartId, _h.Now, "SKU-2"));
        await _h.CartIn(_cartId, m => m.Final);

        Assert.Empty(_h.PendingTimersFor(_cartId));
        await _h.Advance(TimeSpan.FromHours(24));
        Assert.False(await _h.Bus.Sent.Any<SendJourneyEmail>(x => x.Context.Message.Step == CartAbandonmentSteps.Discount));
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_events_are_duplicated_or_late : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync() => _h = await JourneyHarness.Start();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_apply_a_re_sent_item_added_once()
    {
        var added = Events.ItemAdded(_cartId, _h.Now, quantity: 3);
        await _h.Publish(added);
        await _h.Publish(added);

        var cart = await _h.CartIn(_cartId, m => m.Active);
        Assert.Equal(3, Assert.Single(cart.Lines).Quantity);
    }

    [Fact]
    public async Task Should_apply_a_re_sent_item_removed_once()
    {
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, quantity: 3));
        var removed = Events.ItemRemoved(_cartId, _h.Now, quantity: 1);
        await _h.Publish(removed);
        await _h.Publish(removed);

        var cart = await _h.CartIn(_cartId, m => m.Active);
        Assert.Equal(2, Assert.Single(cart.Lines).Quantity);
    }

    [Fact]
    public async Task Should_keep_a_finished_journey_finished_when_cart_events_arrive_late()
    {
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        await _h.Publish(Events.OrderPlaced(_cartId, _h.Now));
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, "SKU-LATE"));
        await _h.Publish(Events.CheckoutStarted(_cartId, _h.Now));

        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.DoesNotContain(cart.Lines, l => l.Sku == "SKU-LATE");
        Assert.Empty(_h.PendingTimersFor(_cartId));
        await _h.Advance(TimeSpan.FromMinutes(30));
        Assert.False(await _h.Bus.Sent.Any<SendJourneyEmail>());
    }

    [Fact]
    public async Task Should_never_start_a_journey_for_a_cart_whose_order_arrived_first()
    {
        await _h.Publish(Events.OrderPlaced(_cartId, _h.Now));
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));

        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Converted, cart.Outcome);
        Assert.Empty(cart.Lines);
        Assert.Equal(0, _h.Scheduler.ScheduledCount<CartIdleTimeoutElapsed>(_ => true));
    }

    [Fact]
    public async Task Should_not_keep_anything_for_an_order_without_a_cart()
    {
        var order = Events.OrderPlaced(cartId: null, _h.Now);
        await _h.Publish(order);
        Assert.Null(await _h.LoadCart(order.OrderId));
    }

    [Fact]
    public async Task Should_ignore_removals_and_checkouts_for_unknown_carts()
    {
        await _h.Publish(Events.ItemRemoved(_cartId, _h.Now));
        await _h.Publish(Events.CheckoutStarted(_cartId, _h.Now));
        Assert.Null(await _h.LoadCart(_cartId));
    }
}

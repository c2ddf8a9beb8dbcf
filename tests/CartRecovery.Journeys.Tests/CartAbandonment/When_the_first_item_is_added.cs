using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_the_first_item_is_added : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, quantity: 2));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_start_the_journey_for_that_cart_as_active()
    {
        var cart = await _h.CartIn(_cartId, m => m.Active);
        Assert.Equal(Events.CustomerId, cart.CustomerId);
        Assert.Equal(_h.Now, cart.StartedAt);
    }

    [Fact]
    public async Task Should_keep_the_cart_lines()
    {
        var cart = await _h.CartIn(_cartId, m => m.Active);
        var line = Assert.Single(cart.Lines);
        Assert.Equal("SKU-1", line.Sku);
        Assert.Equal(2, line.Quantity);
    }

    [Fact]
    public async Task Should_arm_the_idle_timer_and_the_expiry()
    {
        var cart = await _h.CartIn(_cartId, m => m.Active);
        Assert.NotNull(cart.IdleTimeoutTokenId);
        Assert.NotNull(cart.ExpiryTokenId);
        Assert.Null(cart.DiscountFollowUpTokenId);
    }

    [Fact]
    public async Task Should_not_request_any_email_yet()
    {
        await _h.CartIn(_cartId, m => m.Active);
        Assert.False(await _h.Bus.Sent.Any<CartRecovery.Contracts.SendJourneyEmail>());
    }
}

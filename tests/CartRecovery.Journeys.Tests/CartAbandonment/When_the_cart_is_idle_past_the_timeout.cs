using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_the_cart_is_idle_past_the_timeout : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, "SKU-1", quantity: 2, unitPrice: 30m));
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, "SKU-2", quantity: 1, unitPrice: 15m));
        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.Consumed<CartIdleTimeoutElapsed>(c => c.Message.CartId == _cartId);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_mark_the_cart_abandoned()
    {
        var cart = await _h.CartIn(_cartId, m => m.Abandoned);
        Assert.Equal(_h.Now, cart.AbandonedAt);
    }

    [Fact]
    public async Task Should_request_the_recovery_email_with_the_cart_lines()
    {
        var sent = await _h.Bus.Sent.SelectAsync<SendJourneyEmail>(x => x.Context.Message.JourneyId == _cartId).FirstOrDefaultAsync();
        Assert.NotNull(sent);
        var command = sent.Context.Message;
        Assert.Equal(CartAbandonmentSteps.Recovery, command.Step);
        Assert.Equal(JourneyNames.CartAbandonment, command.Journey);
        Assert.Equal(["SKU-1", "SKU-2"], command.Products.Select(p => p.Sku));
        Assert.Equal(75m, command.CartValue);
        Assert.Equal("EUR", command.Currency);
        Assert.Null(command.DiscountPercent);
        Assert.Equal(_cartId, command.CartId);
        Assert.Equal(JourneyEndpoints.EmailDispatcherQueue, sent.Context.DestinationAddress!.AbsolutePath.Trim('/'));
    }

    [Fact]
    public async Task Should_publish_CartAbandoned()
    {
        Assert.True(await _h.Bus.Published.Any<CartAbandoned>(x => x.Context.Message.CartId == _cartId && x.Context.Message.CartValue == 75m));
    }

    [Fact]
    public async Task Should_arm_the_discount_follow_up()
    {
        var cart = await _h.CartIn(_cartId, m => m.Abandoned);
        Assert.NotNull(cart.DiscountFollowUpTokenId);
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

/// <summary>The customer starts checkout and leaves: after the checkout idle timeout (1 h by default) the cart gets
/// the checkout email, not the cart-idle recovery one.</summary>
public sealed class When_the_cart_goes_idle_in_checkout : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, unitPrice: 40m));
        await _h.Advance(TimeSpan.FromMinutes(5));
        await _h.Publish(Events.CheckoutStarted(_cartId, _h.Now));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_arm_the_checkout_timer_in_place_of_the_idle_timer()
    {
        var cart = await _h.CartIn(_cartId, m => m.CheckingOut);
        Assert.NotNull(cart.CheckoutIdleTimeoutTokenId);
        Assert.Equal(_h.Now, cart.CheckoutStartedAt);
        Assert.Contains(_h.PendingTimersFor(_cartId), t => t is CheckoutIdleTimeoutElapsed);
        Assert.DoesNotContain(_h.PendingTimersFor(_cartId), t => t is CartIdleTimeoutElapsed);
    }

    [Fact]
    public async Task Should_send_nothing_before_the_checkout_idle_timeout()
    {
        await _h.Advance(TimeSpan.FromMinutes(59));

        await _h.CartIn(_cartId, m => m.CheckingOut);
        Assert.False(await _h.Bus.Sent.Any<SendJourneyEmail>());
    }

    [Fact]
    public async Task Should_request_the_checkout_email_after_the_checkout_idle_timeout()
    {
        var requestedAt = _h.Now.AddHours(1);
        await _h.Advance(TimeSpan.FromHours(1));

        var cart = await _h.CartIn(_cartId, m => m.CheckoutAbandoned);
        Assert.Equal(requestedAt, cart.CheckoutEmailRequestedAt);
        var email = Assert.Single(_h.Bus.Sent.Select<SendJourneyEmail>()).Context.Message;
        Assert.Equal(CartAbandonmentSteps.Checkout, email.Step);
        Assert.Equal(CartAbandonmentSteps.CheckoutName, email.StepName);
        Assert.Equal(JourneyNames.CartAbandonment, email.Journey);
        Assert.Equal(requestedAt, email.RequestedAt);
        Assert.Equal(40m, email.CartValue);
        Assert.Null(cart.RecoveryEmailRequestedAt);
    }

    [Fact]
    public async Task Should_take_the_configured_checkout_idle_timeout()
    {
        var h = await JourneyHarness.Start(new Dictionary<string, string?> { ["Journeys:CartAbandonment:CheckoutIdleTimeout"] = "00:10:00" });
        await using var _ = h;
        await h.Publish(Events.ItemAdded(_cartId, h.Now));
        await h.Publish(Events.CheckoutStarted(_cartId, h.Now));

        await h.Advance(TimeSpan.FromMinutes(10));

        await h.CartIn(_cartId, m => m.CheckoutAbandoned);
        Assert.True(await h.Bus.Sent.Any<SendJourneyEmail>(x => x.Context.Message.Step == CartAbandonmentSteps.Checkout));
    }

    [Fact]
    public async Task Should_end_as_recovered_when_the_order_follows_the_checkout_email()
    {
        await _h.Advance(TimeSpan.FromHours(1));
        await _h.CartIn(_cartId, m => m.CheckoutAbandoned);

        await _h.Publish(Events.OrderPlaced(_cartId, _h.Now));

        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Recovered, cart.Outcome);
        Assert.Empty(_h.PendingTimersFor(_cartId));
    }

    [Fact]
    public async Task Should_drop_the_checkout_timer_when_the_cart_changes()
    {
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, "SKU-2"));

        var cart = await _h.CartIn(_cartId, m => m.Active);
        Assert.Null(cart.CheckoutIdleTimeoutTokenId);
        Assert.DoesNotContain(_h.PendingTimersFor(_cartId), t => t is CheckoutIdleTimeoutElapsed);

        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.CartIn(_cartId, m => m.Abandoned);
        var email = Assert.Single(_h.Bus.Sent.Select<SendJourneyEmail>()).Context.Message;
        Assert.Equal(CartAbandonmentSteps.Recovery, email.Step);
    }

    [Fact]
    public async Task Should_note_a_new_checkout_after_the_email_so_the_dispatcher_can_settle_it()
    {
        await _h.Advance(TimeSpan.FromHours(1));
        await _h.CartIn(_cartId, m => m.CheckoutAbandoned);
        await _h.Advance(TimeSpan.FromMinutes(1));

        await _h.Publish(Events.CheckoutStarted(_cartId, _h.Now));

        var cart = await _h.CartIn(_cartId, m => m.CheckoutAbandoned);
        Assert.Equal(_h.Now, cart.CheckoutStartedAt);
        Assert.True(cart.CheckoutStartedAt > cart.CheckoutEmailRequestedAt);
    }

    [Fact]
    public async Task Should_end_as_expired_and_drop_every_timer_at_the_expiry()
    {
        await _h.Advance(TimeSpan.FromHours(1));
        await _h.Advance(TimeSpan.FromDays(7));

        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Expired, cart.Outcome);
        Assert.Empty(_h.PendingTimersFor(_cartId));
    }
}

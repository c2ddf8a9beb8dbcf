using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_the_discount_follow_up_is_due : IAsyncLifetime
{
    private JourneyHarness _h = null!;

    public async Task InitializeAsync() => _h = await JourneyHarness.Start();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<SendJourneyEmail> DiscountEmailFor(string customerId, decimal unitPrice)
    {
        var cartId = Guid.NewGuid();
        await _h.Publish(Events.ItemAdded(cartId, _h.Now, unitPrice: unitPrice, customerId: customerId));
        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.CartIn(cartId, m => m.Abandoned);
        await _h.Advance(TimeSpan.FromHours(24));
        await _h.CartIn(cartId, m => m.DiscountOffered);

        var sent = await _h.Bus.Sent
            .SelectAsync<SendJourneyEmail>(x => x.Context.Message.JourneyId == cartId && x.Context.Message.Step == CartAbandonmentSteps.Discount)
            .FirstOrDefaultAsync();
        Assert.NotNull(sent);
        return sent.Context.Message;
    }

    [Fact]
    public async Task Should_request_the_discount_email_as_step_two_with_the_standard_discount()
    {
        var email = await DiscountEmailFor("regular-customer", unitPrice: 500m);
        Assert.Equal(CartAbandonmentSteps.DiscountName, email.StepName);
        Assert.Equal(10, email.DiscountPercent);
        Assert.Equal(500m, email.CartValue);
        Assert.Equal(email.JourneyId, email.CartId);
    }

    [Fact]
    public async Task Should_give_a_vip_with_a_valuable_cart_the_larger_discount()
    {
        _h.Segments.VipCustomerIds.Add("vip-customer");
        var email = await DiscountEmailFor("vip-customer", unitPrice: 151m);
        Assert.Equal(20, email.DiscountPercent);
    }

    [Fact]
    public async Task Should_give_a_vip_with_a_small_cart_the_standard_discount()
    {
        _h.Segments.VipCustomerIds.Add("vip-customer");
        var email = await DiscountEmailFor("vip-customer", unitPrice: 150m);
        Assert.Equal(10, email.DiscountPercent);
    }

    [Fact]
    public async Task Should_remember_the_discount_on_the_journey()
    {
        var email = await DiscountEmailFor("regular-customer", unitPrice: 40m);
        var cart = _h.Carts.Sagas.Contains(email.JourneyId);
        Assert.Equal(10, cart.DiscountPercent);
        Assert.Equal(_h.Now, cart.DiscountEmailRequestedAt);
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

/// <summary>Only the discount step's email carries a code, so only a journey that asked for it revokes codes when it
/// ends without the order the emails were meant to win.</summary>
public sealed class When_a_cart_journey_ends_with_or_without_a_discount : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync() => _h = await JourneyHarness.Start();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_not_revoke_for_a_cart_ordered_before_any_email()
    {
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        await _h.Advance(TimeSpan.FromMinutes(5));
        await _h.Publish(Events.OrderPlaced(_cartId, _h.Now));

        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Converted, cart.Outcome);
        Assert.Empty(_h.DiscountCodes.RevokedFor);
    }

    [Fact]
    public async Task Should_revoke_for_a_cart_that_expires_after_its_discount_email()
    {
        await DiscountOffered();
        await _h.Advance(TimeSpan.FromDays(8));

        await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal([_cartId], _h.DiscountCodes.RevokedFor);
    }

    [Fact]
    public async Task Should_not_revoke_when_the_order_followed_the_emails()
    {
        await DiscountOffered();
        await _h.Publish(Events.OrderPlaced(_cartId, _h.Now));

        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Recovered, cart.Outcome);
        Assert.Empty(_h.DiscountCodes.RevokedFor);
    }

    private async Task DiscountOffered()
    {
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.CartIn(_cartId, m => m.Abandoned);
        await _h.Advance(TimeSpan.FromHours(24));
        await _h.CartIn(_cartId, m => m.DiscountOffered);
    }
}

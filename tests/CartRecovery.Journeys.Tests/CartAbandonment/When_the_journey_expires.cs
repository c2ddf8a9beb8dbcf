using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_the_journey_expires : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.CartIn(_cartId, m => m.Abandoned);
        await _h.Advance(TimeSpan.FromHours(24));
        await _h.CartIn(_cartId, m => m.DiscountOffered);
        await _h.Advance(TimeSpan.FromDays(7));
        await _h.Consumed<CartJourneyExpired>(c => c.Message.CartId == _cartId);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_the_journey_as_expired()
    {
        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Expired, cart.Outcome);
    }

    [Fact]
    public async Task Should_publish_CartJourneyEnded_as_expired()
    {
        Assert.True(await _h.Bus.Published.Any<CartJourneyEnded>(x =>
            x.Context.Message.CartId == _cartId && x.Context.Message.Outcome == CartJourneyOutcomes.Expired));
    }

    [Fact]
    public async Task Should_have_sent_exactly_the_two_journey_emails()
    {
        var steps = await _h.Bus.Sent.SelectAsync<SendJourneyEmail>(x => x.Context.Message.JourneyId == _cartId)
            .Select(x => x.Context.Message.Step).ToListAsync();
        Assert.Equal([CartAbandonmentSteps.Recovery, CartAbandonmentSteps.Discount], steps);
    }
}

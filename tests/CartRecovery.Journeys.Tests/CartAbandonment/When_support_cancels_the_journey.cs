using CartRecovery.Contracts;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class When_support_cancels_the_journey : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.CartIn(_cartId, m => m.Abandoned);
        await _h.Publish(new CancelJourney { JourneyId = _cartId, RequestedAt = _h.Now });
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_it_as_cancelled_with_no_timer_left()
    {
        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Cancelled, cart.Outcome);
        Assert.Empty(_h.PendingTimersFor(_cartId));
    }

    [Fact]
    public async Task Should_send_no_further_email()
    {
        await _h.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await _h.Bus.Sent.SelectAsync<SendJourneyEmail>(x => x.Context.Message.JourneyId == _cartId).CountAsync());
    }

    [Fact]
    public async Task Should_ignore_a_second_cancel()
    {
        await _h.Publish(new CancelJourney { JourneyId = _cartId, RequestedAt = _h.Now });
        var cart = await _h.CartIn(_cartId, m => m.Final);
        Assert.Equal(CartJourneyOutcomes.Cancelled, cart.Outcome);
    }
}

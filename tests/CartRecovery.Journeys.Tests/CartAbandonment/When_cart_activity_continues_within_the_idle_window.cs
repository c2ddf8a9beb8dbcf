using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

/// <summary>The idle window slides with activity, but the scheduler is touched only when the timer fires.</summary>
public sealed class When_cart_activity_continues_within_the_idle_window : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, "SKU-1"));
        await _h.Advance(TimeSpan.FromMinutes(10));
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, "SKU-2"));
        await _h.Advance(TimeSpan.FromMinutes(10));
        await _h.Publish(Events.ItemRemoved(_cartId, _h.Now, "SKU-1"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_schedule_the_idle_timer_once_however_many_events_arrive()
    {
        Assert.Equal(1, _h.Scheduler.ScheduledCount<CartIdleTimeoutElapsed>(t => t.CartId == _cartId));
    }

    [Fact]
    public async Task Should_re_arm_instead_of_abandoning_when_the_timer_fires_after_recent_activity()
    {
        await _h.Advance(TimeSpan.FromMinutes(10)); // 30 min after the first event, 10 after the last
        await _h.Consumed<CartIdleTimeoutElapsed>(c => c.Message.CartId == _cartId);

        await _h.CartIn(_cartId, m => m.Active);
        Assert.False(await _h.Bus.Sent.Any<SendJourneyEmail>());
        Assert.Equal(2, _h.Scheduler.ScheduledCount<CartIdleTimeoutElapsed>(t => t.CartId == _cartId));
    }

    [Fact]
    public async Task Should_abandon_a_full_window_after_the_last_activity()
    {
        await _h.Advance(TimeSpan.FromMinutes(10));
        await _h.Consumed<CartIdleTimeoutElapsed>(c => c.Message.CartId == _cartId);
        await _h.Advance(TimeSpan.FromMinutes(20)); // now 30 min after the last activity
        await _h.Consumed<CartIdleTimeoutElapsed>(c => c.Message.CartId == _cartId, count: 2);

        var cart = await _h.CartIn(_cartId, m => m.Abandoned);
        Assert.Equal(["SKU-2"], cart.Lines.Select(l => l.Sku));
        Assert.True(await _h.Bus.Sent.Any<SendJourneyEmail>(x => x.Context.Message.Step == CartAbandonmentSteps.Recovery));
    }
}

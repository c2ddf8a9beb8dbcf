using CartRecovery.Contracts;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.Inactivity;

/// <summary>The inactivity window slides with activity, but the scheduler is touched only when the timer fires.</summary>
public sealed class When_activity_continues_within_the_inactivity_window : IAsyncLifetime
{
    private readonly Guid _journeyId = InactivityJourneyId.For(Events.CustomerId);
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Advance(TimeSpan.FromDays(5));
        await _h.Publish(MoreEvents.EmailOpened(_h.Now));
        await _h.Publish(MoreEvents.EmailClicked(_h.Now));
        await _h.Advance(TimeSpan.FromDays(5));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-2"));
        await _h.Advance(TimeSpan.FromDays(10));
        await _h.Publish(MoreEvents.EmailOpened(_h.Now)); // day 20
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_keep_one_pending_timer_however_many_events_arrive()
    {
        await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.Equal(1, _h.Scheduler.ScheduledCount<CustomerInactivityElapsed>(t => t.JourneyId == _journeyId));
        Assert.Single(_h.PendingInactivityTimersFor(_journeyId));
    }

    [Fact]
    public async Task Should_re_arm_instead_of_lapsing_when_the_timer_fires_after_recent_activity()
    {
        await _h.Advance(TimeSpan.FromDays(10)); // 30 days after the first event, 10 after the last
        await _h.Consumed<CustomerInactivityElapsed>(c => c.Message.JourneyId == _journeyId);

        await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.Equal(2, _h.Scheduler.ScheduledCount<CustomerInactivityElapsed>(t => t.JourneyId == _journeyId));
        Assert.Single(_h.PendingInactivityTimersFor(_journeyId));
        Assert.Empty(await _h.EmailsOf(JourneyNames.Inactivity));
    }

    [Fact]
    public async Task Should_lapse_a_full_window_after_the_last_activity()
    {
        await _h.Advance(TimeSpan.FromDays(10));
        await _h.Consumed<CustomerInactivityElapsed>(c => c.Message.JourneyId == _journeyId);
        await _h.Advance(TimeSpan.FromDays(20)); // now 30 days after the last activity
        var customer = await _h.CustomerIn(_journeyId, m => m.Lapsed);
        Assert.Equal(_h.Now, customer.LapsedAt);
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.Inactivity;

public sealed class When_a_lapsed_customer_engages_again : IAsyncLifetime
{
    private readonly Guid _journeyId = InactivityJourneyId.For(Events.CustomerId);
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.EmailClicked(_h.Now));
        await _h.Advance(TimeSpan.FromDays(30));
        await _h.CustomerIn(_journeyId, m => m.Lapsed);
        await _h.Advance(TimeSpan.FromDays(2));
        await _h.Publish(MoreEvents.EmailOpened(_h.Now)); // opens the re-engagement email
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_return_to_active_with_one_fresh_inactivity_timer()
    {
        var customer = await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.Equal(_h.Now, customer.LastActivityAt);
        Assert.Equal(_h.Now, customer.ReengagedAt);
        Assert.Null(customer.WinBackTokenId);
        Assert.IsType<CustomerInactivityElapsed>(Assert.Single(_h.PendingInactivityTimersFor(_journeyId)));
    }

    [Fact]
    public async Task Should_not_send_the_win_back()
    {
        await _h.Advance(TimeSpan.FromDays(14));
        await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.Equal([InactivitySteps.ReEngagement], (await _h.EmailsOf(JourneyNames.Inactivity)).Select(e => e.Step));
    }

    [Fact]
    public async Task Should_lapse_again_under_a_new_journey_id_after_another_full_window()
    {
        await _h.CustomerIn(_journeyId, m => m.Active);
        await _h.Advance(TimeSpan.FromDays(30));
        var customer = await _h.CustomerIn(_journeyId, m => m.Lapsed);
        Assert.Equal(2, customer.Lapses);

        var emails = await _h.EmailsOf(JourneyNames.Inactivity);
        Assert.Equal([InactivityJourneyId.ForLapse(_journeyId, 1), InactivityJourneyId.ForLapse(_journeyId, 2)],
            emails.Select(e => e.JourneyId));
    }

    [Fact]
    public async Task Should_not_count_a_re_sent_event_as_new_engagement()
    {
        var click = MoreEvents.EmailClicked(_h.Now);
        await _h.Publish(click);
        await _h.Advance(TimeSpan.FromDays(30));
        await _h.CustomerIn(_journeyId, m => m.Lapsed);
        await _h.Publish(click);
        await _h.CustomerIn(_journeyId, m => m.Lapsed);
        Assert.IsType<WinBackDue>(Assert.Single(_h.PendingInactivityTimersFor(_journeyId)));
    }
}

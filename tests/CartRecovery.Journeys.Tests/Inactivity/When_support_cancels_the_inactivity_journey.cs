using CartRecovery.Contracts;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.Inactivity;

public sealed class When_support_cancels_the_inactivity_journey : IAsyncLifetime
{
    private readonly Guid _journeyId = InactivityJourneyId.For(Events.CustomerId);
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.EmailOpened(_h.Now));
        await _h.Advance(TimeSpan.FromDays(30));
        await _h.CustomerIn(_journeyId, m => m.Lapsed);
        await _h.Publish(new CancelJourney { JourneyId = _journeyId, RequestedAt = _h.Now });
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_it_as_cancelled_with_no_timer_left()
    {
        var customer = await _h.CustomerIn(_journeyId, m => m.Final);
        Assert.Equal(InactivityOutcomes.Cancelled, customer.Outcome);
        Assert.Equal(_h.Now, customer.EndedAt);
        Assert.Empty(_h.PendingInactivityTimersFor(_journeyId));
    }

    [Fact]
    public async Task Should_send_no_win_back_and_stay_ended_when_the_customer_returns()
    {
        await _h.Advance(TimeSpan.FromDays(14));
        await _h.Publish(MoreEvents.EmailClicked(_h.Now));
        await _h.Advance(TimeSpan.FromDays(60));

        var only = Assert.Single(await _h.EmailsOf(JourneyNames.Inactivity));
        Assert.Equal(InactivitySteps.ReEngagement, only.Step);
        await _h.CustomerIn(_journeyId, m => m.Final);
        Assert.Empty(_h.PendingInactivityTimersFor(_journeyId));
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.Inactivity;

/// <summary>Each timer was taken by the scheduler before support's cancel ended the journey (or is a redelivery of
/// one that already fired), so it still arrives with the token it was armed with.</summary>
public sealed class When_a_timer_arrives_after_the_inactivity_journey_ended : IAsyncLifetime
{
    private readonly Guid _journeyId = InactivityJourneyId.For(Events.CustomerId);
    private MoreJourneysHarness _h = null!;
    private Guid _inactivityToken;
    private Guid _winBackToken;
    private Guid _sunsetToken;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.EmailOpened(_h.Now));
        _inactivityToken = (await _h.CustomerIn(_journeyId, m => m.Active)).InactivityTokenId!.Value;
        await _h.Advance(TimeSpan.FromDays(30));
        _winBackToken = (await _h.CustomerIn(_journeyId, m => m.Lapsed)).WinBackTokenId!.Value;
        await _h.Advance(TimeSpan.FromDays(14));
        _sunsetToken = (await _h.CustomerIn(_journeyId, m => m.WinBackOffered)).SunsetTokenId!.Value;
        await _h.Publish(new CancelJourney { JourneyId = _journeyId, RequestedAt = _h.Now });
        await _h.CustomerIn(_journeyId, m => m.Final);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_ignore_the_inactivity_timer() =>
        await AssertIgnored(new CustomerInactivityElapsed { JourneyId = _journeyId }, _inactivityToken);

    [Fact]
    public async Task Should_ignore_the_win_back() =>
        await AssertIgnored(new WinBackDue { JourneyId = _journeyId }, _winBackToken);

    [Fact]
    public async Task Should_ignore_the_sunset() =>
        await AssertIgnored(new SunsetDue { JourneyId = _journeyId }, _sunsetToken);

    private async Task AssertIgnored<T>(T timer, Guid tokenId)
        where T : class
    {
        var messageId = await _h.SendAsScheduled(timer, tokenId);

        Assert.Empty(_h.FaultsOf<T>(c => c.MessageId == messageId));
        var customer = await _h.CustomerIn(_journeyId, m => m.Final);
        Assert.Equal(InactivityOutcomes.Cancelled, customer.Outcome);
        Assert.Equal([InactivitySteps.ReEngagement, InactivitySteps.WinBack],
            (await _h.EmailsOf(JourneyNames.Inactivity)).Select(e => e.Step));
        Assert.Empty(_h.PendingInactivityTimersFor(_journeyId));
    }
}

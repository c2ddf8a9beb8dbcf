using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

/// <summary>Each timer was taken by the scheduler before its cancel reached it, so it still arrives with the token it
/// was armed with.</summary>
public sealed class When_a_timer_arrives_after_the_browse_journey_ended : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;
    private Guid _quietPeriodToken;
    private Guid _cooldownToken;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        _quietPeriodToken = (await _h.BrowseIn(_journeyId, m => m.Interested)).QuietPeriodTokenId!.Value;
        await _h.Publish(Events.ItemAdded(Guid.NewGuid(), _h.Now, "SKU-1"));
        _cooldownToken = (await _h.BrowseIn(_journeyId, m => m.CoolingDown)).CooldownTokenId!.Value;
        await _h.Publish(new CancelJourney { JourneyId = _journeyId, RequestedAt = _h.Now });
        await _h.BrowseIn(_journeyId, m => m.Final);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_ignore_the_quiet_period() =>
        await AssertIgnored(new BrowseQuietPeriodElapsed { JourneyId = _journeyId }, _quietPeriodToken);

    [Fact]
    public async Task Should_ignore_the_cooldown() =>
        await AssertIgnored(new BrowseCooldownElapsed { JourneyId = _journeyId }, _cooldownToken);

    private async Task AssertIgnored<T>(T timer, Guid tokenId)
        where T : class
    {
        var messageId = await _h.SendAsScheduled(timer, tokenId);

        Assert.Empty(_h.FaultsOf<T>(c => c.MessageId == messageId));
        var journey = await _h.BrowseIn(_journeyId, m => m.Final);
        Assert.Equal(BrowseAbandonmentOutcomes.Cancelled, journey.Outcome);
        Assert.Empty(await _h.EmailsOf(JourneyNames.BrowseAbandonment));
        Assert.Empty(_h.PendingBrowseTimersFor(_journeyId));
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

/// <summary>At most one browse email per product and customer per cooldown; afterwards views count again.</summary>
public sealed class When_the_email_cooldown_runs : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await ShowInterestAndWaitOutTheQuietPeriod();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task ShowInterestAndWaitOutTheQuietPeriod()
    {
        for (var i = 0; i < 3; i++)
        {
            await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        }

        await _h.BrowseIn(_journeyId, m => m.Interested);
        await _h.Advance(TimeSpan.FromHours(1));
        await _h.BrowseIn(_journeyId, m => m.CoolingDown);
    }

    [Fact]
    public async Task Should_ignore_views_until_the_cooldown_is_over()
    {
        for (var i = 0; i < 3; i++)
        {
            await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1", duration: TimeSpan.FromMinutes(5)));
        }

        var journey = await _h.BrowseIn(_journeyId, m => m.CoolingDown);
        Assert.Null(journey.QuietPeriodTokenId);
        await _h.Advance(TimeSpan.FromDays(6));
        Assert.Single(await _h.EmailsOf(JourneyNames.BrowseAbandonment));
    }

    [Fact]
    public async Task Should_watch_again_with_no_views_counted_after_the_cooldown()
    {
        await _h.Advance(TimeSpan.FromDays(7));
        var journey = await _h.BrowseIn(_journeyId, m => m.Watching);
        Assert.Empty(journey.ViewedAt);
        Assert.Empty(_h.PendingBrowseTimersFor(_journeyId));
    }

    [Fact]
    public async Task Should_send_a_second_email_under_its_own_id_in_a_later_round()
    {
        await _h.Advance(TimeSpan.FromDays(7));
        await _h.BrowseIn(_journeyId, m => m.Watching);
        await ShowInterestAndWaitOutTheQuietPeriod();

        var emails = await _h.EmailsOf(JourneyNames.BrowseAbandonment);
        Assert.Equal([BrowseJourneyId.ForEmail(_journeyId, 1), BrowseJourneyId.ForEmail(_journeyId, 2)], emails.Select(e => e.JourneyId));
        Assert.Equal(2, _h.Browses.Sagas.Contains(_journeyId).EmailsRequested);
    }
}

using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

/// <summary>The view window slides: only views within the last hour count.</summary>
public sealed class When_views_fall_outside_the_window : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Advance(TimeSpan.FromMinutes(45));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Advance(TimeSpan.FromMinutes(45));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_not_count_views_older_than_the_window()
    {
        var journey = await _h.BrowseIn(_journeyId, m => m.Watching);
        Assert.Equal(2, journey.ViewedAt.Count);
        Assert.Empty(_h.PendingBrowseTimersFor(_journeyId));
    }

    [Fact]
    public async Task Should_show_interest_once_enough_views_fall_within_one_window()
    {
        await _h.Advance(TimeSpan.FromMinutes(10));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        var journey = await _h.BrowseIn(_journeyId, m => m.Interested);
        Assert.Equal(3, journey.ViewedAt.Count);
    }
}

using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

public sealed class When_one_view_lasts_long : IAsyncLifetime
{
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync() => _h = await MoreJourneysHarness.Start();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_show_interest_on_a_single_view_over_the_threshold()
    {
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-LONG", duration: TimeSpan.FromMinutes(3)));
        await _h.BrowseIn(BrowseJourneyId.For(Events.CustomerId, "SKU-LONG"), m => m.Interested);
    }

    [Fact]
    public async Task Should_keep_watching_after_a_single_view_under_the_threshold()
    {
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-SHORT", duration: TimeSpan.FromMinutes(1)));
        await _h.BrowseIn(BrowseJourneyId.For(Events.CustomerId, "SKU-SHORT"), m => m.Watching);
    }

    [Fact]
    public async Task Should_show_interest_on_a_long_view_after_short_ones()
    {
        var journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1", duration: TimeSpan.FromSeconds(30)));
        await _h.Advance(TimeSpan.FromHours(3));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1", duration: TimeSpan.FromMinutes(5)));
        await _h.BrowseIn(journeyId, m => m.Interested);
    }
}

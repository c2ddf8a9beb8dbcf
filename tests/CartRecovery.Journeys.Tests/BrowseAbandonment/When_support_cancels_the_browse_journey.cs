using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

public sealed class When_support_cancels_the_browse_journey : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.BrowseIn(_journeyId, m => m.Interested);
        await _h.Publish(new CancelJourney { JourneyId = _journeyId, RequestedAt = _h.Now });
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_it_as_cancelled_with_no_timer_left()
    {
        var journey = await _h.BrowseIn(_journeyId, m => m.Final);
        Assert.Equal(BrowseAbandonmentOutcomes.Cancelled, journey.Outcome);
        Assert.Equal(_h.Now, journey.EndedAt);
        Assert.Empty(_h.PendingBrowseTimersFor(_journeyId));
    }

    [Fact]
    public async Task Should_never_email_about_the_product_even_when_it_is_viewed_again()
    {
        await _h.Advance(TimeSpan.FromHours(2));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Advance(TimeSpan.FromHours(2));

        Assert.Empty(await _h.EmailsOf(JourneyNames.BrowseAbandonment));
        await _h.BrowseIn(_journeyId, m => m.Final);
        Assert.Empty(_h.PendingBrowseTimersFor(_journeyId));
    }
}

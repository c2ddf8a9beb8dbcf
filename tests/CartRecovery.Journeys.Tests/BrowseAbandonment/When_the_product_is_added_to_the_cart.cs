using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

/// <summary>An add-to-cart hands the product over to the cart journey.</summary>
public sealed class When_the_product_is_added_to_the_cart : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1", duration: TimeSpan.FromMinutes(3)));
        await _h.BrowseIn(_journeyId, m => m.Interested);
        await _h.Advance(TimeSpan.FromMinutes(30));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_the_round_as_carted_and_never_send_the_browse_email()
    {
        await _h.Publish(Events.ItemAdded(Guid.NewGuid(), _h.Now, "SKU-1"));
        var journey = await _h.BrowseIn(_journeyId, m => m.CoolingDown);
        Assert.Equal(BrowseAbandonmentOutcomes.Carted, journey.Outcome);
        Assert.Null(journey.QuietPeriodTokenId);
        Assert.DoesNotContain(_h.PendingBrowseTimersFor(_journeyId), t => t is BrowseQuietPeriodElapsed);

        await _h.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await _h.EmailsOf(JourneyNames.BrowseAbandonment));
    }

    [Fact]
    public async Task Should_ignore_another_product_added_to_the_cart()
    {
        await _h.Publish(Events.ItemAdded(Guid.NewGuid(), _h.Now, "SKU-OTHER"));
        await _h.Advance(TimeSpan.FromMinutes(30));
        await _h.BrowseIn(_journeyId, m => m.CoolingDown);
        Assert.Single(await _h.EmailsOf(JourneyNames.BrowseAbandonment));
    }

    [Fact]
    public async Task Should_end_the_round_as_carted_even_before_interest_shows()
    {
        var watched = BrowseJourneyId.For(Events.CustomerId, "SKU-2");
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-2"));
        await _h.Publish(Events.ItemAdded(Guid.NewGuid(), _h.Now, "SKU-2"));
        var journey = await _h.BrowseIn(watched, m => m.CoolingDown);
        Assert.Equal(BrowseAbandonmentOutcomes.Carted, journey.Outcome);
    }
}

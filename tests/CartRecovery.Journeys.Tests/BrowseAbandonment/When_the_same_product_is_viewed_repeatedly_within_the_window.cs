using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

public sealed class When_the_same_product_is_viewed_repeatedly_within_the_window : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Advance(TimeSpan.FromMinutes(20));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Advance(TimeSpan.FromMinutes(20));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1", unitPrice: 19m));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_show_interest_and_arm_the_quiet_period()
    {
        var journey = await _h.BrowseIn(_journeyId, m => m.Interested);
        Assert.Equal(_h.Now, journey.InterestShownAt);
        Assert.IsType<BrowseQuietPeriodElapsed>(Assert.Single(_h.PendingBrowseTimersFor(_journeyId)));
        Assert.Empty(await _h.EmailsOf(JourneyNames.BrowseAbandonment));
    }

    [Fact]
    public async Task Should_request_the_browse_email_with_the_product_after_a_quiet_period()
    {
        await _h.Advance(TimeSpan.FromHours(1));
        var journey = await _h.BrowseIn(_journeyId, m => m.CoolingDown);

        var email = Assert.Single(await _h.EmailsOf(JourneyNames.BrowseAbandonment));
        Assert.Equal(BrowseAbandonmentSteps.Browse, email.Step);
        Assert.Equal(BrowseAbandonmentSteps.BrowseName, email.StepName);
        Assert.Equal(Events.CustomerId, email.CustomerId);
        Assert.Equal(BrowseJourneyId.ForEmail(_journeyId, 1), email.JourneyId);
        var product = Assert.Single(email.Products);
        Assert.Equal("SKU-1", product.Sku);
        Assert.Equal(1, product.Quantity);
        Assert.Equal(19m, product.UnitPrice); // the latest view's price
        Assert.Equal(BrowseAbandonmentOutcomes.Emailed, journey.Outcome);
        Assert.Equal(1, journey.EmailsRequested);
    }

    [Fact]
    public async Task Should_arm_only_the_cooldown_after_the_email()
    {
        await _h.Advance(TimeSpan.FromHours(1));
        var journey = await _h.BrowseIn(_journeyId, m => m.CoolingDown);
        Assert.NotNull(journey.CooldownTokenId);
        Assert.IsType<BrowseCooldownElapsed>(Assert.Single(_h.PendingBrowseTimersFor(_journeyId)));
    }
}

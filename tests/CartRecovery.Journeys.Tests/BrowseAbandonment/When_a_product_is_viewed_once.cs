using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

public sealed class When_a_product_is_viewed_once : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1", duration: TimeSpan.FromSeconds(20)));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_start_watching_that_customer_and_product()
    {
        var journey = await _h.BrowseIn(_journeyId, m => m.Watching);
        Assert.Equal(Events.CustomerId, journey.CustomerId);
        Assert.Equal("SKU-1", journey.Sku);
        Assert.Equal([_h.Now], journey.ViewedAt);
        Assert.Equal(1, journey.Product.Quantity);
        Assert.Equal("Product SKU-1", journey.Product.Name);
    }

    [Fact]
    public async Task Should_neither_arm_a_timer_nor_email()
    {
        await _h.BrowseIn(_journeyId, m => m.Watching);
        Assert.Empty(_h.PendingBrowseTimersFor(_journeyId));
        await _h.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await _h.EmailsOf(JourneyNames.BrowseAbandonment));
    }
}

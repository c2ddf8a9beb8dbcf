using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

public sealed class When_the_product_is_ordered : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1", duration: TimeSpan.FromMinutes(3)));
        await _h.BrowseIn(_journeyId, m => m.Interested);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_end_the_round_as_ordered_and_never_send_the_browse_email()
    {
        var order = MoreEvents.OrderPlaced(_h.Now, skus: "SKU-1");
        await _h.Publish(order);
        var journey = await _h.BrowseIn(_journeyId, m => m.CoolingDown);
        Assert.Equal(BrowseAbandonmentOutcomes.Ordered, journey.Outcome);
        Assert.Equal(order.OrderId, journey.OrderId);

        await _h.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await _h.EmailsOf(JourneyNames.BrowseAbandonment));
    }

    [Fact]
    public async Task Should_keep_waiting_when_another_product_is_ordered()
    {
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, skus: "SKU-OTHER"));
        await _h.Advance(TimeSpan.FromHours(1));
        await _h.BrowseIn(_journeyId, m => m.CoolingDown);
        Assert.Equal(BrowseAbandonmentSteps.Browse, Assert.Single(await _h.EmailsOf(JourneyNames.BrowseAbandonment)).Step);
    }
}

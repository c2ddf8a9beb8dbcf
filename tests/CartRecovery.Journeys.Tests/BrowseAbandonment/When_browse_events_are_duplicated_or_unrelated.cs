using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

public sealed class When_browse_events_are_duplicated_or_unrelated : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync() => _h = await MoreJourneysHarness.Start();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_count_a_re_sent_view_once()
    {
        var view = MoreEvents.ProductViewed(_h.Now, "SKU-1");
        await _h.Publish(view);
        await _h.Publish(view);
        await _h.Publish(view);

        var journey = await _h.BrowseIn(_journeyId, m => m.Watching);
        Assert.Single(journey.ViewedAt);
        Assert.False(await _h.Bus.Published.Any<MassTransit.Fault<ProductViewed>>());
    }

    [Fact]
    public async Task Should_not_start_a_journey_from_a_cart_addition_or_an_order()
    {
        await _h.Publish(Events.ItemAdded(Guid.NewGuid(), _h.Now, "SKU-1"));
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now, skus: "SKU-1"));
        Assert.Null(await _h.Load<BrowseAbandonmentState>(_journeyId));
    }

    [Fact]
    public async Task Should_keep_one_journey_per_customer_and_product()
    {
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1"));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-2"));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1", customerId: "customer-7"));

        Assert.Single((await _h.BrowseIn(_journeyId, m => m.Watching)).ViewedAt);
        Assert.Equal("SKU-2", (await _h.BrowseIn(BrowseJourneyId.For(Events.CustomerId, "SKU-2"), m => m.Watching)).Sku);
        Assert.Equal("customer-7", (await _h.BrowseIn(BrowseJourneyId.For("customer-7", "SKU-1"), m => m.Watching)).CustomerId);
    }
}

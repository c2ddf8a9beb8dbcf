using System.Diagnostics.Metrics;
using CartRecovery.Contracts;
using CartRecovery.Journeys.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CartRecovery.Journeys.Tests.Telemetry;

public sealed class When_journeys_start_and_end : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private MoreJourneysHarness _h = null!;
    private LifecycleMeasurements _measured = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        _measured = new LifecycleMeasurements(_h.Service<IMeterFactory>());

        await _h.Publish(Events.ItemAdded(_cartId, _h.Now));
        await _h.Publish(Events.ItemAdded(_cartId, _h.Now, sku: "SKU-2"));
        // Publish returns once every journey consumed the cancel, and with it every measurement it caused.
        await _h.Publish(new CancelJourney { JourneyId = _cartId, RequestedAt = _h.Now });
    }

    public async Task DisposeAsync()
    {
        _measured.Dispose();
        await _h.DisposeAsync();
    }

    [Fact]
    public void Should_count_each_journey_once_by_kind_however_many_events_it_takes()
    {
        Assert.Equal(1, Count(_measured.Started, JourneyNames.CartAbandonment));
        Assert.Equal(1, Count(_measured.Started, JourneyNames.Inactivity));
        Assert.Equal(0, Count(_measured.Started, JourneyNames.PostPurchase));
    }

    [Fact]
    public void Should_count_the_end_with_its_outcome()
    {
        var ended = Assert.Single(_measured.Ended.GetMeasurementSnapshot());
        Assert.Equal(JourneyNames.CartAbandonment, ended.Tags["journey"]);
        Assert.Equal(CartJourneyOutcomes.Cancelled, ended.Tags["outcome"]);
    }

    [Fact]
    public async Task Should_count_an_order_that_overtook_its_cart_as_no_cart_journey()
    {
        await _h.Publish(Events.OrderPlaced(Guid.NewGuid(), _h.Now));

        Assert.Equal(1, Count(_measured.Started, JourneyNames.CartAbandonment));
        Assert.Equal(1, Count(_measured.Started, JourneyNames.PostPurchase));
        Assert.Single(_measured.Ended.GetMeasurementSnapshot());
    }

    private static long Count(MetricCollector<long> collector, string journey) =>
        collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags["journey"], journey)).Sum(m => m.Value);
}

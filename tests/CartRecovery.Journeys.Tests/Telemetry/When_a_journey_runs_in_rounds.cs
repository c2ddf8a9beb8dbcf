using System.Diagnostics.Metrics;
using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CartRecovery.Journeys.Tests.Telemetry;

/// <summary>A browse journey emails, cools down, watches again and is then cancelled: each round is counted as
/// started and ended once, so started minus ended is what is running.</summary>
public sealed class When_a_journey_runs_in_rounds : IAsyncLifetime
{
    private readonly Guid _journeyId = BrowseJourneyId.For(Events.CustomerId, "SKU-1");
    private MoreJourneysHarness _h = null!;
    private LifecycleMeasurements _measured = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        _measured = new LifecycleMeasurements(_h.Service<IMeterFactory>());

        await _h.Publish(MoreEvents.ProductViewed(_h.Now, "SKU-1", duration: TimeSpan.FromMinutes(5)));
        await _h.Advance(TimeSpan.FromHours(2));
        await _h.BrowseIn(_journeyId, m => m.CoolingDown);
    }

    public async Task DisposeAsync()
    {
        _measured.Dispose();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task Should_end_the_first_round_when_the_email_is_requested()
    {
        var ended = Assert.Single(Browse(await Measurements.Until(_measured.Ended, m => Browse(m).Any())));
        Assert.Equal(BrowseAbandonmentOutcomes.Emailed, ended.Tags["outcome"]);
        Assert.Equal(1, Browse(_measured.Started.GetMeasurementSnapshot()).Sum(m => m.Value));
    }

    [Fact]
    public async Task Should_start_a_round_after_the_cooldown_and_end_it_once_when_cancelled()
    {
        await _h.Advance(TimeSpan.FromDays(8));
        await _h.BrowseIn(_journeyId, m => m.Watching);
        await Measurements.Until(_measured.Started, m => Browse(m).Sum(x => x.Value) == 2);

        await _h.Publish(new CancelJourney { JourneyId = _journeyId, RequestedAt = _h.Now });
        await _h.BrowseIn(_journeyId, m => m.Final);
        var ended = await Measurements.Until(_measured.Ended, m => Browse(m).Count() == 2);
        Assert.Equal([BrowseAbandonmentOutcomes.Emailed, BrowseAbandonmentOutcomes.Cancelled],
            Browse(ended).Select(m => (string)m.Tags["outcome"]!));
        Assert.Equal(2, Browse(_measured.Started.GetMeasurementSnapshot()).Sum(m => m.Value));
    }

    [Fact]
    public async Task Should_not_end_a_round_twice_when_cancelled_during_the_cooldown()
    {
        await Measurements.Until(_measured.Ended, m => Browse(m).Any());
        await _h.Publish(new CancelJourney { JourneyId = _journeyId, RequestedAt = _h.Now });
        await _h.BrowseIn(_journeyId, m => m.Final);

        // Publish waited until the cancel was consumed, so every measurement it caused is in.
        Assert.Single(Browse(_measured.Ended.GetMeasurementSnapshot()));
        Assert.Equal(1, Browse(_measured.Started.GetMeasurementSnapshot()).Sum(m => m.Value));
    }

    private static IEnumerable<CollectedMeasurement<long>> Browse(IEnumerable<CollectedMeasurement<long>> measurements) =>
        measurements.Where(m => Equals(m.Tags["journey"], JourneyNames.BrowseAbandonment));
}

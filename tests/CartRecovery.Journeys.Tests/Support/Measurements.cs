using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>A journey records its metrics right after its state changes, so a spec that saw the state may look a
/// moment too early: it waits for the measurements instead, with a deadline.</summary>
public static class Measurements
{
    public static async Task<IReadOnlyList<CollectedMeasurement<long>>> Until(
        MetricCollector<long> collector, Func<IReadOnlyList<CollectedMeasurement<long>>, bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var snapshot = collector.GetMeasurementSnapshot();
        while (!condition(snapshot))
        {
            await collector.WaitForMeasurementsAsync(snapshot.Count + 1, deadline.Token);
            snapshot = collector.GetMeasurementSnapshot();
        }

        return snapshot;
    }
}

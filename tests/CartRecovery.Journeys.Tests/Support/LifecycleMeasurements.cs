using System.Diagnostics.Metrics;
using CartRecovery.Journeys.Telemetry;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>Collects the journeys-started and journeys-ended counters of one harness.</summary>
public sealed class LifecycleMeasurements(IMeterFactory meters) : IDisposable
{
    public MetricCollector<long> Started { get; } = new(meters, CartRecoveryMetrics.MeterName, "cartrecovery.journeys.started");
    public MetricCollector<long> Ended { get; } = new(meters, CartRecoveryMetrics.MeterName, "cartrecovery.journeys.ended");

    public void Dispose()
    {
        Started.Dispose();
        Ended.Dispose();
    }
}

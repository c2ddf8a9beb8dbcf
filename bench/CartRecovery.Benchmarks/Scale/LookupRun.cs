namespace CartRecovery.Benchmarks.Scale;

internal sealed record LookupRun
{
    public required TimeSpan ThinkTime { get; init; }
    public required int Requests { get; init; }
    public required int Failures { get; init; }
    public required double RequestsPerSecond { get; init; }
    public required double JourneysPerAnswer { get; init; }
    public required double P50Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double MaxMs { get; init; }

    /// <summary>The slowest lookups in the order they happened: whether the tail clusters in time or spreads.</summary>
    public required IReadOnlyList<SlowLookup> Slowest { get; init; }
}

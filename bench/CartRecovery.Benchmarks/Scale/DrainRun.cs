namespace CartRecovery.Benchmarks.Scale;

internal sealed record DrainRun
{
    public required int Timers { get; init; }
    public required long PendingAmong { get; init; }
    public required double FirstArrivalMs { get; init; }
    public required double DrainSeconds { get; init; }
    public required double PerSecond { get; init; }
    public required double LagP50Ms { get; init; }
    public required double LagP99Ms { get; init; }
}

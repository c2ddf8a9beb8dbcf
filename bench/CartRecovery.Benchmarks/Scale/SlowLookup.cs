namespace CartRecovery.Benchmarks.Scale;

/// <summary>One slow support lookup: when it finished (seconds into the round) and how long it took.</summary>
internal sealed record SlowLookup(double AtSeconds, double Ms);

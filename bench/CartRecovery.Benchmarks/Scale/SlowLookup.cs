namespace CartRecovery.Benchmarks.Scale;

/// <summary>One slow support lookup: when it finished (seconds into the round), how long it took, and how many gen-1
/// or gen-2 collections of the benchmark process ran while it waited.</summary>
internal sealed record SlowLookup(double AtSeconds, double Ms, int Gen1Collections);

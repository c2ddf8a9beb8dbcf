namespace CartRecovery.Benchmarks.Scale;

internal sealed record ScaleResults
{
    public required ScalePlan Plan { get; init; }
    public required SeedRun Seed { get; init; }
    public required IReadOnlyList<double> EmptyIngest { get; init; }
    public required IReadOnlyList<double> SeededIngest { get; init; }
    public required LookupRun Lookup { get; init; }
    public required LookupRun LookupSaturated { get; init; }
    public required DrainRun Drain { get; init; }
    public required DrainRun EmptyDrain { get; init; }
    public required double PeakRssMb { get; init; }
    public required double RssAfterMb { get; init; }
    public required DiskUse Disk { get; init; }
    public required IReadOnlyList<SlowStatement> Slowest { get; init; }
    public required string SlowestPlan { get; init; }
    public required double ScrapeMs { get; init; }
    public required IReadOnlyList<IndexEffect> Indexes { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required string LoadAverage { get; init; }
}

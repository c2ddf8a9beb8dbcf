namespace CartRecovery.Benchmarks.Scale;

internal sealed record SeedRun
{
    public required double SeedSeconds { get; init; }
    public required double VacuumSeconds { get; init; }
    public required long Journeys { get; init; }
    public required long Timers { get; init; }
    public required long Decisions { get; init; }
    public required long LedgerRows { get; init; }
    public required long Customers { get; init; }
}

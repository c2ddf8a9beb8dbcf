namespace CartRecovery.Benchmarks.Scale;

/// <summary>One statement's plan and time with the index migration 013 added, and without it.</summary>
internal sealed record IndexEffect
{
    public required string Label { get; init; }
    public required string Index { get; init; }
    public required string PlanBefore { get; init; }
    public required double MsBefore { get; init; }
    public required string PlanAfter { get; init; }
    public required double MsAfter { get; init; }
}

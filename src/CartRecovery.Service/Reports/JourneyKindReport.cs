namespace CartRecovery.Service.Reports;

/// <param name="Started">Journey instances started in the period (tombstones of orders that came first excluded).</param>
/// <param name="Experiments">Timing experiments the journey ran in the period (none when it ran none).</param>
public sealed record JourneyKindReport(
    string Journey,
    int Started,
    IReadOnlyList<JourneyStepReport> Steps,
    IReadOnlyList<ExperimentReport> Experiments);

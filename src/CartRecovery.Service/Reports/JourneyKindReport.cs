namespace CartRecovery.Service.Reports;

/// <param name="Started">Journey instances started in the period (tombstones of orders that came first excluded).</param>
public sealed record JourneyKindReport(string Journey, int Started, IReadOnlyList<JourneyStepReport> Steps);

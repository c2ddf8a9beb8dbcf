namespace CartRecovery.Service.Reports;

/// <param name="Requests">Email requests of the step in this group: sent (treated) or held out (holdout).</param>
/// <param name="Converted">Requests followed by at least one order credited to them within the window.</param>
/// <param name="ConversionRate">Converted per request; null for an empty group.</param>
/// <param name="Orders">Orders credited; one request can be followed by several.</param>
/// <param name="Revenue">Their totals, per currency.</param>
public sealed record TreatmentGroupReport(
    int Requests,
    int Converted,
    double? ConversionRate,
    int Orders,
    IReadOnlyDictionary<string, decimal> Revenue);

using CartRecovery.Delivery.Experiments;

namespace CartRecovery.Service.Reports;

/// <summary>A timing experiment of one journey kind: its arms side by side, and each arm against the first
/// (by name) with a 95 % interval for the difference in conversion rate and a verdict in plain words.</summary>
public sealed record ExperimentReport(
    string Experiment,
    IReadOnlyList<VariantReport> Variants,
    IReadOnlyList<ConversionDifference> Comparisons);

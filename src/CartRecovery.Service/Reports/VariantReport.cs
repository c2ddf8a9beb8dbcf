namespace CartRecovery.Service.Reports;

/// <summary>One arm of a timing experiment over the period, counted in journeys (a journey's steps share its arm).</summary>
/// <param name="Entered">Journeys of this arm that requested an email in the period.</param>
/// <param name="Emailed">Of those, journeys sent at least one email.</param>
/// <param name="Converted">Of those, journeys an order was credited to (treated) within the attribution window.</param>
/// <param name="ConversionRate">Converted per emailed; null when nothing was emailed.</param>
/// <param name="Revenue">The credited orders' totals, per currency.</param>
public sealed record VariantReport(
    string Variant,
    int Entered,
    int Emailed,
    int Converted,
    double? ConversionRate,
    IReadOnlyDictionary<string, decimal> Revenue);

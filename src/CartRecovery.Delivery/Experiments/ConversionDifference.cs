namespace CartRecovery.Delivery.Experiments;

/// <summary>
/// How much better (or worse) one arm converts than the baseline: the difference of the two conversion rates with a
/// 95 % interval, and what that means in plain words. The interval is Agresti–Caffo's (one success and one failure
/// added to each arm), which holds up for the small counts and the 0 % or 100 % rates early experiments show.
/// </summary>
/// <param name="Difference">Variant minus baseline conversion rate, as observed; null while an arm has no one.</param>
public sealed record ConversionDifference(
    string Baseline,
    string Variant,
    double? Difference,
    double? Lower,
    double? Upper,
    string Verdict)
{
    public const string NotYetSignificant = "not yet significant";
    private const double Z95 = 1.959964;

    public static ConversionDifference Between(string baseline, int baselineConverted, int baselineTotal,
        string variant, int variantConverted, int variantTotal)
    {
        if (baselineTotal <= 0 || variantTotal <= 0)
        {
            return new ConversionDifference(baseline, variant, null, null, null,
                "no data yet: an arm has no emailed journeys");
        }

        var observed = (double)variantConverted / variantTotal - (double)baselineConverted / baselineTotal;
        var pBaseline = (baselineConverted + 1.0) / (baselineTotal + 2);
        var pVariant = (variantConverted + 1.0) / (variantTotal + 2);
        var centre = pVariant - pBaseline;
        var margin = Z95 * Math.Sqrt(pBaseline * (1 - pBaseline) / (baselineTotal + 2) + pVariant * (1 - pVariant) / (variantTotal + 2));
        var lower = Math.Max(-1, centre - margin);
        var upper = Math.Min(1, centre + margin);
        var verdict = lower > 0 ? $"{variant} converts better than {baseline} (significant at 95 %)"
            : upper < 0 ? $"{variant} converts worse than {baseline} (significant at 95 %)"
            : NotYetSignificant;
        return new ConversionDifference(baseline, variant, Math.Round(observed, 4), Math.Round(lower, 4), Math.Round(upper, 4), verdict);
    }
}

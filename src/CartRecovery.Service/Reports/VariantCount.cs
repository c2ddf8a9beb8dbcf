namespace CartRecovery.Service.Reports;

/// <summary>Journeys of one experiment arm: entered, emailed and converted.</summary>
internal sealed record VariantCount(string Journey, string Experiment, string Variant, int Entered, int Emailed, int Converted);

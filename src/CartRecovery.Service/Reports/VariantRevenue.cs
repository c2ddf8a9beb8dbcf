namespace CartRecovery.Service.Reports;

/// <summary>Order totals credited to the sent emails of one experiment arm, in one currency.</summary>
internal sealed record VariantRevenue(string Journey, string Experiment, string Variant, string Currency, decimal Amount);

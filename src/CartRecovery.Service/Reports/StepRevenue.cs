namespace CartRecovery.Service.Reports;

/// <summary>Order totals credited to one step in one treatment group, in one currency.</summary>
internal sealed record StepRevenue(string Journey, int Step, string Treatment, string Currency, decimal Amount);

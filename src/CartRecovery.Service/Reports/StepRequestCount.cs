namespace CartRecovery.Service.Reports;

/// <summary>How many email requests of one step ended one way (sent, suppressed by a rule, in doubt, pending).</summary>
internal sealed record StepRequestCount(string Journey, int Step, string Status, string? Rule, int Requests);

namespace CartRecovery.Service.Reports;

public sealed record TreatmentGroupReport(int Customers, int Converted, double? ConversionRate, IReadOnlyDictionary<string, decimal> Revenue);

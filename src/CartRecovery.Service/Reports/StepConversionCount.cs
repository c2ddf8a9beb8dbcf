namespace CartRecovery.Service.Reports;

/// <summary>The conversions credited to one step in one treatment group.</summary>
internal sealed record StepConversionCount(string Journey, int Step, string Treatment, int Converted, int Orders, double? MedianSeconds);

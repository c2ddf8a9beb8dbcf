namespace CartRecovery.Benchmarks.Scale;

internal sealed record SlowStatement(string Query, long Calls, double MeanMs, double MaxMs, double TotalMs, long Rows);

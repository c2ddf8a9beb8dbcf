using System.Globalization;

namespace CartRecovery.Benchmarks;

/// <summary>The normal mode's command line: <c>--quick</c>, <c>--runs N</c>, and, to measure some rows without
/// writing the report, <c>--only rows</c> with an optional <c>--email-rate N</c>.</summary>
internal sealed record BenchOptions
{
    /// <summary>What <c>--only</c> accepts, comma-separated: baselines (1a–1d), service (2–2d, 5), latency (3),
    /// latency-e2e (3b), timers (4a, 4b), drain (4c).</summary>
    public static readonly IReadOnlyList<string> Rows = ["baselines", "service", "latency", "latency-e2e", "timers", "drain"];

    public required bool Quick { get; init; }
    public required int? Runs { get; init; }
    /// <summary>The rows to measure; null for all of them, the only case that writes docs/benchmarks.md.</summary>
    public required IReadOnlySet<string>? Only { get; init; }
    /// <summary>The latency rows' rate in place of half the measured throughput, so they can run without row 2.</summary>
    public required double? EmailRate { get; init; }

    public bool Measures(string row) => Only is null || Only.Contains(row);

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

        var only = Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (only?.Except(Rows).ToList() is { Count: > 0 } unknown)
        {
            throw new ArgumentException($"unknown row(s) for --only: {string.Join(", ", unknown)}; known: {string.Join(", ", Rows)}");
        }

        var emailRate = Value("--email-rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : (double?)null;
        if (emailRate is not null && only is null)
        {
            throw new ArgumentException("--email-rate needs --only: the report's latency rows run at half of their own path's measured capacity");
        }

        return new BenchOptions
        {
            Quick = args.Contains("--quick"),
            Runs = Value("--runs") is { } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : null,
            Only = only,
            EmailRate = emailRate,
        };
    }
}

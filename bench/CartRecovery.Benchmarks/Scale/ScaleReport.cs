using System.Globalization;
using System.Text;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>The scale section of docs/benchmarks.md: each figure beside the acceptance target it answers.</summary>
internal static class ScaleReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(ScaleResults r, MachineInfo machine)
    {
        var p = r.Plan;
        var sb = new StringBuilder();
        void L(FormattableString line) => sb.AppendLine(line.ToString(Inv));
        var emptyIngest = BenchResults.Median(r.EmptyIngest);
        var seededIngest = BenchResults.Median(r.SeededIngest);
        var ratio = seededIngest / emptyIngest;
        var megabyte = 1024.0 * 1024.0;

        L($"## Scale: a million journeys");
        L($"");
        L($"Produced by `dotnet run -c Release --project bench/CartRecovery.Benchmarks -- --scale` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC in {r.Elapsed.TotalMinutes:F1} min, seeding included, on {machine.Cores} cores ({machine.Cpu}), {machine.Memory}, PostgreSQL {machine.PostgresVersion} with its default settings (shared_buffers 128 MB).");
        L($"");
        L($"Seeded with set-based SQL (`generate_series`, `bench/CartRecovery.Benchmarks/Scale/ScaleSeed.cs`) in {r.Seed.SeedSeconds:F0} s, then `VACUUM (ANALYZE)` in {r.Seed.VacuumSeconds:F0} s: {r.Seed.Journeys:N0} journeys ({p.Carts:N0} carts, {p.Browses:N0} browse, {p.Orders:N0} post-purchase, {p.Inactivities:N0} win-back; about half of them running), {r.Seed.Customers:N0} customer profiles (about {r.Seed.Journeys / (double)r.Seed.Customers:F1} journeys each), {r.Seed.Decisions:N0} email decisions, {r.Seed.LedgerRows:N0} ledger rows and {r.Seed.Timers:N0} pending timers: one per token the running journeys hold, due over the next 30 days.");
        L($"");
        L($"| measurement | figure | target | |");
        L($"|---|---|---|---|");
        L($"| service process peak RSS over the million | {r.PeakRssMb:N0} MB (RSS {r.RssAfterMb:N0} MB at the end) | ≤ 300 MB | {TargetVerdict.Of(r.PeakRssMb <= 300)} |");
        L($"| support lookup `GET /api/customers/{{id}}/journeys`, {p.LookupCallers} concurrent callers, each reading an answer for {p.LookupThinkTime.TotalSeconds:F0} s on average | p50 {r.Lookup.P50Ms:F1} ms, p99 {r.Lookup.P99Ms:F1} ms, max {r.Lookup.MaxMs:F0} ms ({r.Lookup.RequestsPerSecond:N0} lookups/s) | p99 ≤ 20 ms | {TargetVerdict.Of(r.Lookup.P99Ms <= 20)} |");
        L($"| the same {p.LookupCallers} callers asking again the moment an answer arrives (capacity) | **{r.LookupSaturated.RequestsPerSecond:N0} lookups/s**; p50 {r.LookupSaturated.P50Ms:F1} ms, p99 {r.LookupSaturated.P99Ms:F1} ms | | latency here is callers ÷ throughput |");
        L($"| ingest with 1M journeys vs. an empty database | {seededIngest:N0} vs. {emptyIngest:N0} events/s = **{ratio:F2}×** | ≥ 0.9× | {TargetVerdict.Of(ratio >= 0.9)} |");
        L($"| {r.Drain.Timers:N0} timers due at once among {r.Drain.PendingAmong - r.Drain.Timers:N0} pending | drained at **{r.Drain.PerSecond:N0}/s** ({r.Drain.DrainSeconds:F2} s from commit to the last arrival; first after {r.Drain.FirstArrivalMs:F0} ms); on an empty timer table in the same run {r.EmptyDrain.PerSecond:N0}/s | ≥ 1,000/s | {TargetVerdict.Of(r.Drain.PerSecond >= 1000)} |");
        L($"| disk per journey | **{r.Disk.JourneyBytes / (double)r.Disk.Journeys:N0} bytes** ({r.Disk.JourneyBytes / megabyte:N0} MB for {r.Disk.Journeys:N0} journey rows, indexes and TOAST included); timers {r.Disk.TimerBytes / (double)r.Disk.Timers:N0} bytes each ({r.Disk.TimerBytes / megabyte:N0} MB); whole database {r.Disk.DatabaseBytes / megabyte:N0} MB | | |");
        L($"| `GET /metrics` (Prometheus scrape; its gauges count timers waiting for redelivery and emails in doubt) | {r.ScrapeMs:F1} ms, median of 5 | | |");
        L($"");
        L($"How each figure is taken:");
        L($"");
        L($"- **RSS**: VmHWM (peak resident set) of the service's own process (`dotnet CartRecovery.Service.dll`, built in the benchmark's configuration, its runtime settings included: server GC, tiered PGO off), over its whole life on the seeded database: start, an ingest round, both lookup rounds, the drain and the metrics scrape. The benchmark's producers (a bus of its own), HTTP callers and probes run in the benchmark's process and do not count.");
        L($"- **Support lookups**: {r.Lookup.Requests:N0} requests ({r.Lookup.RequestsPerSecond:N0}/s, {r.Lookup.Failures} failed) after {p.LookupWarmUp:N0} unrecorded, {p.LookupCallers} callers each waiting for its answer, then reading it for 0.5–1.5 × {p.LookupThinkTime.TotalSeconds:F0} s before asking again (in the capacity round, not at all: {r.LookupSaturated.Requests:N0} requests, {r.LookupSaturated.Failures} failed), random seeded customers (answers held {r.Lookup.JourneysPerAnswer:F1} journeys on average, with their next timer and decisions), each agent starting at random within its first think time, loopback HTTP into the service's process with the API key; HdrHistogram, 3 digits. Bounded by {p.LookupRequests:N0} requests or {p.LookupFor.TotalSeconds:F0} s.");
        L($"- **Ingest**: {p.IngestCarts} carts × 5 events published on the bus by 32 producers after {p.WarmUpCarts} warm-up carts, timed until every cart is final and every order counted on its profile (read by key, so the probe costs the same on both databases); empty and seeded databases alternate, {p.IngestRounds} rounds each, the service restarted for each; medians. Runs: empty {Runs(r.EmptyIngest)}; seeded {Runs(r.SeededIngest)} events/s. The absolute rate is the service's (section 2 above), not a scale effect.");
        L($"- **Timer drain**: {r.Drain.Timers:N0} rows inserted due now in one statement while the service runs; the poller with its defaults (batches of 500, 64 sends in flight) sends them to a probe queue; rate = timers / (last arrival − commit).");
        L($"- **Load on the box**: load average {r.LoadAverage} at the end (1, 5, 15 min) on {machine.Cores} cores; other work on the box slows every figure here alike, which is why ingest and drain are also measured without the million in the same run.");
        L($"- **Disk**: `pg_total_relation_size` of the four journey tables over their rows, after the run.");
        L($"");
        L($"### Slowest statements during the run");
        L($"");
        L($"pg_stat_statements of the seeded database from the end of seeding to the end of the run (the benchmark's own probes excluded), by mean execution time:");
        L($"");
        L($"| mean ms | max ms | calls | rows / call | statement |");
        L($"|---|---|---|---|---|");
        foreach (var s in r.Slowest)
        {
            L($"| {s.MeanMs:F2} | {s.MaxMs:F1} | {s.Calls:N0} | {(s.Calls == 0 ? 0 : s.Rows / (double)s.Calls):F1} | `{Truncate(s.Query, 220)}` |");
        }

        L($"");
        L($"### Indexes the million showed missing (migration 013)");
        L($"");
        L($"The support lookup (one index scan per journey table on `customer_id`, then `scheduled_timer` by primary key and `email_decision` by `journey_id`) and the timer poller (`ix_scheduled_timer_due`) read by index already. The `/metrics` gauges did not: each scrape scanned the whole timer table and send ledger. Same data, each statement explained as migrated and again with its index dropped in a rolled-back transaction:");
        L($"");
        L($"| statement | without the index | with it (`013_scale_indexes.sql`) |");
        L($"|---|---|---|");
        foreach (var e in r.Indexes)
        {
            L($"| {e.Label} | {e.MsBefore:F1} ms: {e.PlanBefore} | {e.MsAfter:F2} ms: `{e.Index}`: {e.PlanAfter} |");
        }

        L($"");
        L($"Plan of the slowest that can be prepared from its normalised text, `EXPLAIN (ANALYZE, BUFFERS)` with a seeded customer's values (in a transaction rolled back):");
        L($"");
        L($"```");
        sb.AppendLine(r.SlowestPlan.TrimEnd());
        L($"```");
        return sb.ToString();
    }

    private static string Runs(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("N0", Inv)));

    private static string Truncate(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return (flat.Length <= length ? flat : flat[..length] + "…").Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
    }
}

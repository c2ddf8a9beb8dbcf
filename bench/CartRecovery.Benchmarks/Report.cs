using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using CartRecovery.Benchmarks.Scale;
using Npgsql;

namespace CartRecovery.Benchmarks;

internal sealed record BenchPlan
{
    public required int Runs { get; init; }
    public required int RawMessages { get; init; }
    public required int Upserts { get; init; }
    public required int MassTransitMessages { get; init; }
    public required int Carts { get; init; }
    public required TimeSpan Sustain { get; init; }
    public required double LatencySeconds { get; init; }
    public required int MinEmails { get; init; }
    public required int MaxEmails { get; init; }
    public required int TimerBurst { get; init; }
    public required double TimerSteadyRate { get; init; }
    public required TimeSpan TimerSteady { get; init; }
    public required int DrainTimers { get; init; }

    public static BenchPlan Full(int runs) => new()
    {
        Runs = runs,
        RawMessages = 20_000,
        Upserts = 20_000,
        MassTransitMessages = 10_000,
        Carts = 600,
        Sustain = TimeSpan.FromSeconds(8),
        LatencySeconds = 10,
        MinEmails = 200,
        MaxEmails = 2_000,
        TimerBurst = 1_000,
        TimerSteadyRate = 100,
        TimerSteady = TimeSpan.FromSeconds(5),
        DrainTimers = 10_000,
    };

    public static BenchPlan Quick(int runs) => new()
    {
        Runs = runs,
        RawMessages = 5_000,
        Upserts = 5_000,
        MassTransitMessages = 3_000,
        Carts = 300,
        Sustain = TimeSpan.FromSeconds(3),
        LatencySeconds = 4,
        MinEmails = 100,
        MaxEmails = 500,
        TimerBurst = 300,
        TimerSteadyRate = 50,
        TimerSteady = TimeSpan.FromSeconds(3),
        // The issue states its target for 10,000 due at once; a smaller burst would not test it.
        DrainTimers = 10_000,
    };
}

internal sealed class BenchResults
{
    public required BenchPlan Plan { get; init; }
    public List<double> RawRabbitMq { get; } = [];
    public List<double> NpgsqlUpsert { get; } = [];
    public List<double> MassTransitNoop { get; } = [];
    public List<double> MassTransitUpsert { get; } = [];
    public List<ServiceRun> Service { get; } = [];
    public List<LatencyRun> Latency { get; } = [];
    public List<LatencyRun> ShipmentLatency { get; } = [];

    /// <summary>Each latency path's burst delivery rate, which sets the paced rate of its row (half of it).</summary>
    public LatencyRun? DispatcherBurst { get; set; }
    public LatencyRun? ShipmentBurst { get; set; }
    public List<TimerRun> Timers { get; } = [];
    public List<DrainRun> Drain { get; } = [];
    public TimeSpan Elapsed { get; set; }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

internal sealed record MachineInfo
{
    public required int Cores { get; init; }
    public required string Cpu { get; init; }
    public required string Memory { get; init; }
    public required string Os { get; init; }
    public required string PostgresVersion { get; init; }
    public required string RabbitMqVersion { get; init; }

    public static async Task<MachineInfo> Collect(BenchEnvironment env)
    {
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) ?? "MemTotal: ? kB";
        var kb = long.Parse(memory["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

        string postgres;
        await using (var admin = await env.OpenAdmin())
        {
            await using var command = new NpgsqlCommand("SHOW server_version", admin);
            postgres = (string)(await command.ExecuteScalarAsync())!;
        }

        string rabbit;
        await using (var connection = await env.ConnectRabbit("bench-version"))
        {
            rabbit = connection.ServerProperties is { } p && p.TryGetValue("version", out var v) && v is byte[] bytes
                ? Encoding.UTF8.GetString(bytes)
                : "unknown";
        }

        return new MachineInfo
        {
            Cores = Environment.ProcessorCount,
            Cpu = cpu,
            Memory = string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024.0:F1} GiB"),
            Os = RuntimeInformation.OSDescription,
            PostgresVersion = postgres,
            RabbitMqVersion = rabbit,
        };
    }
}

internal static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(BenchResults r, MachineInfo machine, bool quick)
    {
        static double M(IEnumerable<double> values) => BenchResults.Median(values);
        var raw = M(r.RawRabbitMq);
        var npgsql = M(r.NpgsqlUpsert);
        var mtNoop = M(r.MassTransitNoop);
        var mtUpsert = M(r.MassTransitUpsert);
        var service = M(r.Service.Select(s => s.EventsPerSecond));
        var p = r.Plan;
        var n = p.Runs;

        var sb = new StringBuilder();
        void L(FormattableString line) => sb.AppendLine(line.ToString(Inv));

        L($"# Benchmarks");
        L($"");
        L($"Produced by `dotnet run -c Release --project bench/CartRecovery.Benchmarks{(quick ? " -- --quick" : "")}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC in {r.Elapsed.TotalMinutes:F1} min ({(quick ? "quick mode" : "full mode")}; every figure is the median of {n} run{(n == 1 ? "" : "s")}{(quick ? "" : ", after one unmeasured warm-up pass of the baselines and the service; each run measures the baselines and then the service")}).");
        L($"");
        L($"| machine | versions |");
        L($"|---|---|");
        L($"| {machine.Cores} cores ({machine.Cpu}), {machine.Memory} memory, {machine.Os} | .NET {Environment.Version}, MassTransit {Version(typeof(MassTransit.IBus))}, Npgsql {Version(typeof(NpgsqlConnection))}, Quartz {Version(typeof(Quartz.IScheduler))}, RabbitMQ.Client {Version(typeof(RabbitMQ.Client.IConnection))}, RabbitMQ {machine.RabbitMqVersion}, PostgreSQL {machine.PostgresVersion} |");
        L($"");
        L($"RabbitMQ, PostgreSQL and the SMTP sink run on the same box (`scripts/services.sh`), on loopback. The service runs in the benchmark's own process (`AddCartRecovery()` on a `WebApplication`, server GC as in the service), so \"service process\" figures below are that process's, producer included. Each measurement gets a fresh database; baselines use their own queues.");
        L($"");
        L($"## Results");
        L($"");
        L($"| # | measurement | median | ratio to baselines | details |");
        L($"|---|---|---|---|---|");
        L($"| 1a | raw RabbitMQ publish + consume (1 KB persistent, publisher confirms, manual ack) | {raw:N0} msg/s | 1.00 | {p.RawMessages:N0} messages, 256 confirms in flight, prefetch 200; runs: {Runs(r.RawRabbitMq)} |");
        L($"| 1b | Npgsql single-row upsert, 8 connections | {npgsql:N0} rows/s | {npgsql / raw:F2} × raw RabbitMQ | {p.Upserts:N0} autocommitted `INSERT … ON CONFLICT DO UPDATE`, 5 per key; runs: {Runs(r.NpgsqlUpsert)} |");
        L($"| 1c | MassTransit consumer doing nothing | {mtNoop:N0} msg/s | {mtNoop / raw:F2} × raw RabbitMQ | {p.MassTransitMessages:N0} messages, 16 concurrent, prefetch 32; runs: {Runs(r.MassTransitNoop)} |");
        L($"| 1d | MassTransit consumer, one upsert per message | {mtUpsert:N0} msg/s | {mtUpsert / mtNoop:F2} × MT no-op, {mtUpsert / npgsql:F2} × Npgsql | same, pool of 16; runs: {Runs(r.MassTransitUpsert)} |");
        L($"| 2 | **service: cart journey events/s** (repository, inbox/outbox, timer table, profile projection) | **{service:N0} events/s** | {service / raw:F3} × raw RabbitMQ, {service / npgsql:F3} × Npgsql, {service / mtNoop:F3} × MT no-op, {service / mtUpsert:F3} × MT upsert | {p.Carts:N0} carts × (add, add, remove, checkout, order) = {p.Carts * 5:N0} events published as fast as possible by 32 producers, timed until every cart is final and every profile counted; runs: {Runs(r.Service.Select(s => s.EventsPerSecond))} |");
        L($"| 2b | queue depth (customer-events, ready) | burst max {M(r.Service.Select(s => (double)s.BurstMaxDepth)):N0}; at 90 % ({M(r.Service.Select(s => s.SustainRate)):N0} events/s for {p.Sustain.TotalSeconds:F0} s): max {M(r.Service.Select(s => (double)s.SustainMaxDepth)):N0}, end {M(r.Service.Select(s => (double)s.SustainEndDepth)):N0}, slope {M(r.Service.Select(s => s.SustainSlope)):F1} msg/s | | {Flat(r)} |");
        L($"| 2c | faults (error queues + rejected events) | {M(r.Service.Select(s => (double)s.Faults)):N0} | | runs: {string.Join(", ", r.Service.Select(s => s.Faults))} |");
        L($"| 2d | PostgreSQL work per event | {M(r.Service.Select(s => s.StatementsPerEvent)):F1} statements, {M(r.Service.Select(s => s.CommitsPerEvent)):F2} commits, {M(r.Service.Select(s => s.RollbacksPerEvent)):F2} rollbacks | | pg_stat_statements calls and pg_stat_database xact_commit over the burst, the benchmark's own probes excluded |");
        L($"| 3 | event-to-email latency at 50 % of this path's capacity{Capacity(r.DispatcherBurst)}: publish → SMTP sink | p50 {M(r.Latency.Select(x => x.P50Ms)):N1} ms, p99 {M(r.Latency.Select(x => x.P99Ms)):N1} ms, p99.9 {M(r.Latency.Select(x => x.P999Ms)):N1} ms | | `SendJourneyEmail` sent straight to `send-journey-email` (the dispatcher step, no delay) at {M(r.Latency.Select(x => x.OfferedRate)):N0}/s, {M(r.Latency.Select(x => (double)x.Emails)):N0} emails to consenting customers, after 20 unmeasured ones through the same fresh host; receipt = the maildir file's write time; delivered {M(r.Latency.Select(x => x.DeliveredRate)):N0}/s; max {M(r.Latency.Select(x => x.MaxMs)):N0} ms; HdrHistogram, 3 digits{(M(r.Latency.Select(x => (double)x.Emails)) < 1000 ? "; fewer than 1,000 samples, so p99.9 is the maximum" : "")} |");
        L($"| 3b | end-to-end latency at 50 % of this path's capacity{Capacity(r.ShipmentBurst)}: `order.shipped` published → shipment email in the SMTP sink | p50 {M(r.ShipmentLatency.Select(x => x.P50Ms)):N1} ms, p99 {M(r.ShipmentLatency.Select(x => x.P99Ms)):N1} ms, p99.9 {M(r.ShipmentLatency.Select(x => x.P999Ms)):N1} ms | | target p99 ≤ 100 ms: {TargetVerdict.Of(M(r.ShipmentLatency.Select(x => x.P99Ms)) <= 100)}; `OrderShipped` published at {M(r.ShipmentLatency.Select(x => x.OfferedRate)):N0}/s for {M(r.ShipmentLatency.Select(x => (double)x.Emails)):N0} orders, each a post-purchase journey already in Placed, one per consenting customer, after 20 unmeasured ones through the same fresh host; through customer-events, the journey and its outbox, `send-journey-email` and SMTP; receipt = the maildir file's write time; delivered {M(r.ShipmentLatency.Select(x => x.DeliveredRate)):N0}/s; max {M(r.ShipmentLatency.Select(x => x.MaxMs)):N0} ms; HdrHistogram, 3 digits{(M(r.ShipmentLatency.Select(x => (double)x.Emails)) < 1000 ? "; fewer than 1,000 samples, so p99.9 is the maximum" : "")}; p99 runs: {Runs(r.ShipmentLatency.Select(x => x.P99Ms), "N1")} ms |");
        L($"| 4a | timer lag, {p.TimerBurst:N0} timers due within 1 s | p50 {M(r.Timers.Select(t => t.Burst.P50Ms)):N0} ms, p99 {M(r.Timers.Select(t => t.Burst.P99Ms)):N0} ms | | drained at {M(r.Timers.Select(t => t.Burst.DrainPerSecond)):N0} timers/s; written in one transaction in {M(r.Timers.Select(t => t.Burst.ScheduleSeconds)):F1} s; lag = SentTime − CR-Timer-ScheduledAt; timer poller defaults (batches of 500, 64 sends in flight) |");
        L($"| 4b | timer lag, steady {p.TimerSteadyRate:N0} timers/s for {p.TimerSteady.TotalSeconds:F0} s | p50 {M(r.Timers.Select(t => t.Steady.P50Ms)):N0} ms, p99 {M(r.Timers.Select(t => t.Steady.P99Ms)):N0} ms | | max {M(r.Timers.Select(t => t.Steady.MaxMs)):N0} ms |");
        L($"| 4c | timer drain, {p.DrainTimers:N0} timers due at once on an empty timer table | {M(r.Drain.Select(d => d.PerSecond)):N0} timers/s; lag p50 {M(r.Drain.Select(d => d.LagP50Ms)):N0} ms, p99 {M(r.Drain.Select(d => d.LagP99Ms)):N0} ms | | target ≥ 1,000/s: {TargetVerdict.Of(M(r.Drain.Select(d => d.PerSecond)) >= 1000)}; inserted due now in one statement while the service runs, fired by its poller with the defaults, received on a probe queue; rate = timers / (last arrival − commit); lag = arrival − commit; first after {M(r.Drain.Select(d => d.FirstArrivalMs)):N0} ms; runs: {Runs(r.Drain.Select(d => d.PerSecond))} timers/s |");
        L($"| 5 | service process: peak memory, CPU per 1,000 events | {M(r.Service.Select(s => s.PeakMemoryMb)):N0} MB peak RSS; {M(r.Service.Select(s => s.SelfCpuMsPer1000)):N0} CPU-ms / 1,000 events | | this process (service + producer), peak reset before the host starts; PostgreSQL {M(r.Service.Select(s => s.PostgresCpuMsPer1000)):N0} CPU-ms and RabbitMQ {M(r.Service.Select(s => s.RabbitCpuMsPer1000)):N0} CPU-ms per 1,000 events over the same burst |");
        L($"");

        var median = r.Service.OrderBy(s => s.EventsPerSecond).ElementAt(r.Service.Count / 2);
        var events = (double)median.Events;
        L($"## Where an event's database work goes");
        L($"");
        L($"From the run with the median throughput ({median.EventsPerSecond:N0} events/s): pg_stat_statements for the service's database over the burst, per published event.");
        L($"");
        L($"| area | calls / event | exec ms / event |");
        L($"|---|---|---|");
        var areas = median.Statements.GroupBy(s => Area(s.Query))
            .Select(g => (Area: g.Key, Calls: g.Sum(s => s.Calls) / events, Ms: g.Sum(s => s.TotalMs) / events))
            .OrderByDescending(a => a.Calls).ToList();
        foreach (var a in areas)
        {
            L($"| {a.Area} | {a.Calls:F2} | {a.Ms:F3} |");
        }

        L($"| **total** | **{median.StatementsPerEvent:F2}** | **{median.Statements.Sum(s => s.TotalMs) / events:F3}** |");
        L($"");
        L($"Top statements by calls per event:");
        L($"");
        L($"| calls / event | exec ms / event | rows / call | statement |");
        L($"|---|---|---|---|");
        foreach (var s in median.Statements.Take(15))
        {
            L($"| {s.Calls / events:F2} | {s.TotalMs / events:F3} | {(s.Calls == 0 ? 0 : s.Rows / (double)s.Calls):F2} | `{Truncate(s.Query, 150)}` |");
        }

        L($"");
        L($"Top statements by execution time per event (time includes waiting for row locks):");
        L($"");
        L($"| exec ms / event | ms / call | calls / event | statement |");
        L($"|---|---|---|---|");
        foreach (var s in median.Statements.OrderByDescending(s => s.TotalMs).Take(5))
        {
            L($"| {s.TotalMs / events:F3} | {(s.Calls == 0 ? 0 : s.TotalMs / s.Calls):F2} | {s.Calls / events:F2} | `{Truncate(s.Query, 150)}` |");
        }

        L($"");
        L($"## Closing note: the biggest cost per event");
        L($"");
        sb.AppendLine(ClosingNote.Write(r, median, areas, service, mtUpsert, mtNoop));
        return sb.ToString();
    }

    private static string Flat(BenchResults r)
    {
        var slope = BenchResults.Median(r.Service.Select(s => s.SustainSlope));
        var rate = BenchResults.Median(r.Service.Select(s => s.SustainRate));
        var verdict = Math.Abs(slope) < rate * 0.05 ? "flat (slope under 5 % of the offered rate)" : "NOT flat: the backlog grows at 90 %";
        return $"sampled every 200 ms with passive queue declares; {verdict}";
    }

    private static string Runs(IEnumerable<double> values, string format = "N0") => string.Join(", ", values.Select(v => v.ToString(format, Inv)));

    private static string Version(Type type)
    {
        var version = type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? type.Assembly.GetName().Version?.ToString() ?? "?";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }

    private static string Truncate(string text, int length) =>
        (text.Length <= length ? text : text[..length] + "…").Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    public static string Area(string query)
    {
        var q = query.TrimStart();
        if (q.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase) || q.StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase)
            || q.StartsWith("ROLLBACK", StringComparison.OrdinalIgnoreCase) || q.StartsWith("SAVEPOINT", StringComparison.OrdinalIgnoreCase)
            || q.StartsWith("RELEASE", StringComparison.OrdinalIgnoreCase) || q.StartsWith("START TRANSACTION", StringComparison.OrdinalIgnoreCase))
        {
            return "transaction control (BEGIN/COMMIT/SAVEPOINT)";
        }

        if (q.Contains("scheduled_timer", StringComparison.OrdinalIgnoreCase))
        {
            return "timer table (scheduled_timer)";
        }

        if (q.Contains("qrtz_", StringComparison.OrdinalIgnoreCase))
        {
            return "Quartz maintenance store (qrtz_*)";
        }

        if (q.Contains("outbox_message", StringComparison.OrdinalIgnoreCase))
        {
            return "outbox (outbox_message)";
        }

        if (q.Contains("inbox_state", StringComparison.OrdinalIgnoreCase))
        {
            return "inbox (inbox_state)";
        }

        if (q.Contains("cart_abandonment_state", StringComparison.OrdinalIgnoreCase))
        {
            return "saga row (cart_abandonment_state)";
        }

        if (q.Contains("customer_profile", StringComparison.OrdinalIgnoreCase))
        {
            return "profile projection (customer_profile)";
        }

        return "other";
    }

    // Above a path's capacity a queue builds and the row would time the backlog, not the path.
    private static string Capacity(LatencyRun? burst) =>
        burst is null ? "" : $" ({burst.DeliveredRate:N0}/s delivered when {burst.Emails:N0} were sent at once)";
}

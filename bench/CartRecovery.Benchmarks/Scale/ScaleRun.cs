using System.Diagnostics;
using CartRecovery.Persistence.Migrations;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>The service over a million journeys and a million pending timers. Ingest is measured on an empty and on
/// the seeded database alternately (a new service process on each), so load from elsewhere on the box falls on
/// both; the last seeded session also serves the support lookups and the timer drain, and its process's peak RSS
/// counts.</summary>
internal static class ScaleRun
{
    /// <param name="reuseDatabase">A database seeded and kept by an earlier run (<c>--keep-database</c>): migrated to
    /// the current schema and measured again without seeding; it is kept.</param>
    public static async Task<ScaleResults> Run(BenchEnvironment env, ScalePlan plan, bool keepDatabase, string? reuseDatabase, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        await using var empty = await env.CreateDatabase("scale_empty");
        var seeded = reuseDatabase is null ? await env.CreateDatabase("scale_1m") : env.ExistingDatabase(reuseDatabase);
        keepDatabase |= reuseDatabase is not null;
        try
        {
            await using (var dataSource = NpgsqlDataSource.Create(seeded.ConnectionString))
            {
                await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            }

            SeedRun seed;
            if (reuseDatabase is null)
            {
                log($"seeding {plan.Journeys:N0} journeys into {seeded.Name}");
                seed = await ScaleSeed.Run(seeded.ConnectionString, plan, log);
            }
            else
            {
                await using var connection = new NpgsqlConnection(seeded.ConnectionString);
                await connection.OpenAsync();
                seed = await ScaleSeed.Describe(connection, double.NaN, double.NaN);
            }

            log($"seeded in {seed.SeedSeconds:F0} s, vacuumed in {seed.VacuumSeconds:F0} s: {seed.Journeys:N0} journeys, {seed.Timers:N0} timers");
            await SlowestStatements.Reset(env, seeded.Name);

            await using var publisher = await ScalePublisher.Start(env);
            var emptyIngest = new List<double>();
            var seededIngest = new List<double>();
            for (var round = 1; round < plan.IngestRounds; round++)
            {
                emptyIngest.Add(await IngestSession(env, publisher.Bus, empty, plan, log, "empty"));
                seededIngest.Add(await IngestSession(env, publisher.Bus, seeded, plan, log, "1M"));
            }

            // The last empty session also drains timers on an empty timer table: the same box at the same time,
            // without the million, for comparison.
            DrainRun emptyDrain;
            await using (var emptyService = await ScaleService.Start(env, empty, "scale-empty"))
            {
                emptyIngest.Add(await Ingest(publisher.Bus, empty, plan, log, "empty"));
                emptyDrain = await TimerDrain.Run(env, empty.ConnectionString, plan.DueTimers);
                log($"timer drain on the empty database: {emptyDrain.PerSecond:F0}/s");
            }

            LookupRun lookup;
            LookupRun saturated;
            DrainRun drain;
            double scrapeMs;
            double peak;
            double rss;
            await using (var service = await ScaleService.Start(env, seeded, "scale-1m"))
            {
                seededIngest.Add(await Ingest(publisher.Bus, seeded, plan, log, "1M"));
                log($"support lookups: {plan.LookupCallers} callers, up to {plan.LookupRequests:N0} requests or {plan.LookupFor.TotalSeconds:F0} s");
                lookup = await SupportLookupLoad.Run(service.BaseAddress, plan, plan.LookupThinkTime);
                log($"  {lookup.Requests:N0} requests, {lookup.RequestsPerSecond:F0}/s, p50 {lookup.P50Ms:F1} ms, p99 {lookup.P99Ms:F1} ms, {lookup.JourneysPerAnswer:F1} journeys per answer, failures {lookup.Failures}");
                log($"  slowest: {string.Join("; ", lookup.Slowest.Select(s => $"{s.Ms:F0} ms at {s.AtSeconds:F1} s"))}");
                saturated = await SupportLookupLoad.Run(service.BaseAddress, plan, TimeSpan.Zero);
                log($"  saturated: {saturated.Requests:N0} requests, {saturated.RequestsPerSecond:F0}/s, p50 {saturated.P50Ms:F1} ms, p99 {saturated.P99Ms:F1} ms, failures {saturated.Failures}");
                log($"timer drain: {plan.DueTimers:N0} due now");
                drain = await TimerDrain.Run(env, seeded.ConnectionString, plan.DueTimers);
                log($"  drained in {drain.DrainSeconds:F2} s ({drain.PerSecond:F0}/s) among {drain.PendingAmong:N0} pending, first after {drain.FirstArrivalMs:F0} ms");
                scrapeMs = await MetricsScrape.Time(service.BaseAddress);
                log($"metrics scrape: {scrapeMs:F0} ms");
                peak = service.PeakRssBytes() / 1024.0 / 1024.0;
                rss = service.RssBytes() / 1024.0 / 1024.0;
                log($"service process: peak RSS {peak:F0} MB, RSS now {rss:F0} MB");
            }

            var slowest = await SlowestStatements.Top(env, seeded.Name, 5);
            // A statement whose parameter types PostgreSQL cannot infer from its normalised text (unnest($1, $2)) cannot be
            // prepared; the next slowest is explained instead, and the report says which one it is.
            var plan0 = "(no statement could be explained)";
            foreach (var statement in slowest)
            {
                if (await SlowestStatements.Explain(seeded.ConnectionString, statement.Query) is { } explained)
                {
                    plan0 = $"-- statement {slowest.ToList().IndexOf(statement) + 1} of the table above{Environment.NewLine}{explained}";
                    break;
                }
            }

            var disk = await DiskUse.Measure(seeded.ConnectionString);
            var indexes = await MigrationIndexCheck.Run(seeded.ConnectionString);
            return new ScaleResults
            {
                Plan = plan,
                Seed = seed,
                EmptyIngest = emptyIngest,
                SeededIngest = seededIngest,
                Lookup = lookup,
                LookupSaturated = saturated,
                Drain = drain,
                EmptyDrain = emptyDrain,
                PeakRssMb = peak,
                RssAfterMb = rss,
                Disk = disk,
                Slowest = slowest,
                SlowestPlan = plan0,
                ScrapeMs = scrapeMs,
                Indexes = indexes,
                Elapsed = clock.Elapsed,
                LoadAverage = string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)),
            };
        }
        finally
        {
            if (keepDatabase)
            {
                log($"kept database {seeded.Name}");
            }
            else
            {
                await seeded.DisposeAsync();
            }
        }
    }

    private static async Task<double> IngestSession(BenchEnvironment env, IBus publisher, BenchDatabase database, ScalePlan plan, Action<string> log,
        string label)
    {
        await using var service = await ScaleService.Start(env, database, $"scale-{label}");
        return await Ingest(publisher, database, plan, log, label);
    }

    private static async Task<double> Ingest(IBus publisher, BenchDatabase database, ScalePlan plan, Action<string> log, string label)
    {
        await IngestRate.Measure(publisher, database.ConnectionString, plan.WarmUpCarts);
        var rate = await IngestRate.Measure(publisher, database.ConnectionString, plan.IngestCarts);
        log($"ingest on {label} database: {rate:F0} events/s ({plan.IngestCarts} carts)");
        return rate;
    }
}

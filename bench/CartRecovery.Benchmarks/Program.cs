using System.Diagnostics;
using System.Globalization;
using CartRecovery.Benchmarks;
using CartRecovery.Benchmarks.Scale;

if (args.Contains("--scale"))
{
    var reuse = Array.IndexOf(args, "--reuse-database") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    await RunScale(args.Contains("--keep-database"), reuse);
    return;
}

if (args.Contains("--service-only"))
{
    // One service-throughput run and nothing else: the window a profiler (dotnet-trace) attaches to.
    var serviceEnv = await BenchEnvironment.Find();
    await ServiceThroughput.Run(serviceEnv, carts: 200, sustain: TimeSpan.FromSeconds(1)); // JIT warm-up
    // --repeat N measures N times in the one process: how throughput moves as the JIT finishes its work.
    var repeat = Array.IndexOf(args, "--repeat") is var r and >= 0 && r + 1 < args.Length ? int.Parse(args[r + 1], CultureInfo.InvariantCulture) : 1;
    for (var i = 0; i < repeat; i++)
    {
        var serviceRun = await ServiceThroughput.Run(serviceEnv, carts: 1_000, sustain: TimeSpan.FromSeconds(3));
        Console.WriteLine($"{serviceRun.EventsPerSecond:F0} events/s, {serviceRun.SelfCpuMsPer1000 / 1000:F2} ms CPU per event, {serviceRun.StatementsPerEvent:F1} statements/event, {serviceRun.AllocatedKbPerEvent:F0} KB allocated per event, PostgreSQL {serviceRun.PostgresCpuMsPer1000 / 1000:F2} ms and RabbitMQ {serviceRun.RabbitCpuMsPer1000 / 1000:F2} ms CPU per event");
    }

    return;
}

var options = BenchOptions.Parse(args);
var quick = options.Quick;
var runs = options.Runs ?? (quick ? 1 : 3);
var plan = quick ? BenchPlan.Quick(runs) : BenchPlan.Full(runs);
var total = Stopwatch.StartNew();
var env = await BenchEnvironment.Find();
Console.Error.WriteLine($"bench: {(quick ? "quick" : "full")} mode, {plan.Runs} run(s) per figure, services from {env.Source}{(options.Only is null ? "" : $", only {string.Join(", ", options.Only)}")}");

var results = new BenchResults { Plan = plan };

void Log(string what) => Console.Error.WriteLine($"bench: [{total.Elapsed:mm\\:ss}] {what}");

// One unmeasured pass of the throughput rows first, baselines and service alike: a fresh process compiles what it
// calls once, and a first run that pays for it would measure the JIT instead of the path.
if (!quick && options.Measures("baselines"))
{
    Log("warm-up of the baselines (not measured)");
    await Baselines.RawRabbitMq(env, plan.RawMessages / 4);
    await Baselines.NpgsqlUpsert(env, plan.Upserts / 4);
    await Baselines.MassTransitNoop(env, plan.MassTransitMessages / 4);
    await Baselines.MassTransitUpsert(env, plan.MassTransitMessages / 4);
}

if (!quick && options.Measures("service"))
{
    Log("warm-up of the service (not measured)");
    await ServiceThroughput.Run(env, carts: plan.Carts / 3, sustain: TimeSpan.FromSeconds(1));
}

// Each run measures the baselines and then the service, so that every service run has baselines from minutes
// around it: on a shared box the speed drifts, and baselines all measured first would set the service against
// another machine's figures.
for (var run = 1; run <= plan.Runs; run++)
{
    if (options.Measures("baselines"))
    {
        Log($"baselines, run {run}/{plan.Runs}");
        results.RawRabbitMq.Add(await Baselines.RawRabbitMq(env, plan.RawMessages));
        Log($"  raw RabbitMQ {results.RawRabbitMq[^1]:F0} msg/s");
        results.NpgsqlUpsert.Add(await Baselines.NpgsqlUpsert(env, plan.Upserts));
        Log($"  Npgsql upsert {results.NpgsqlUpsert[^1]:F0} rows/s");
        results.MassTransitNoop.Add(await Baselines.MassTransitNoop(env, plan.MassTransitMessages));
        Log($"  MassTransit no-op {results.MassTransitNoop[^1]:F0} msg/s");
        results.MassTransitUpsert.Add(await Baselines.MassTransitUpsert(env, plan.MassTransitMessages));
        Log($"  MassTransit upsert {results.MassTransitUpsert[^1]:F0} msg/s");
    }

    if (options.Measures("service"))
    {
        Log($"service throughput, run {run}/{plan.Runs} ({plan.Carts} carts, {plan.Carts * ServiceThroughput.EventsPerCart} events)");
        var service = await ServiceThroughput.Run(env, plan.Carts, plan.Sustain);
        results.Service.Add(service);
        Log($"  {service.EventsPerSecond:F0} events/s, {service.StatementsPerEvent:F1} statements/event, {service.CommitsPerEvent:F2} commits/event, faults {service.Faults}");
    }
}

// Each latency row runs at half of what its own path delivers when everything is sent at once: above a path's
// capacity a queue builds and the row would time the backlog instead of the path.
if (options.Measures("latency"))
{
    results.DispatcherBurst = await MeasureLatency("event-to-email (dispatcher step)", EmailLatency.Run, results.Latency);
}

if (options.Measures("latency-e2e"))
{
    results.ShipmentBurst = await MeasureLatency("order.shipped-to-email", ShipmentEmailLatency.Run, results.ShipmentLatency);
}

for (var run = 1; run <= plan.Runs && options.Measures("timers"); run++)
{
    Log($"timer lag, run {run}/{plan.Runs} ({plan.TimerBurst} due in 1 s, then {plan.TimerSteadyRate}/s for {plan.TimerSteady.TotalSeconds} s)");
    var timers = await TimerLag.Run(env, plan.TimerBurst, plan.TimerSteadyRate, plan.TimerSteady);
    results.Timers.Add(timers);
    Log($"  burst p50 {timers.Burst.P50Ms:F0} ms p99 {timers.Burst.P99Ms:F0} ms drain {timers.Burst.DrainPerSecond:F0}/s; steady p50 {timers.Steady.P50Ms:F0} ms p99 {timers.Steady.P99Ms:F0} ms");
}

for (var run = 1; run <= plan.Runs && options.Measures("drain"); run++)
{
    Log($"timer drain, run {run}/{plan.Runs} ({plan.DrainTimers} due at once on an empty timer table)");
    var drain = await TimerDrain.OnFreshDatabase(env, plan.DrainTimers);
    results.Drain.Add(drain);
    Log($"  {drain.PerSecond:F0} timers/s ({drain.DrainSeconds:F2} s, first after {drain.FirstArrivalMs:F0} ms), lag p50 {drain.LagP50Ms:F0} ms p99 {drain.LagP99Ms:F0} ms");
}

if (options.Only is not null)
{
    // The report's ratios and closing note need every row; a partial run only logs its figures.
    Log("--only: docs/benchmarks.md not written");
    return;
}

results.Elapsed = total.Elapsed;
var machine = await MachineInfo.Collect(env);
var markdown = Report.Render(results, machine, quick);
Console.WriteLine(markdown);
var output = Path.Combine(env.RepositoryRoot, "docs", "benchmarks.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, ReportSections.WithScaleOf(File.Exists(output) ? await File.ReadAllTextAsync(output) : null, markdown));
Log($"wrote {output}");

// A path's capacity (everything sent at once, unless --email-rate names the rate), then the runs at half of it.
async Task<LatencyRun?> MeasureLatency(string path, Func<BenchEnvironment, double, int, Task<LatencyRun>> run, List<LatencyRun> runs)
{
    LatencyRun? burst = null;
    if (options.EmailRate is null)
    {
        var burstEmails = plan.MinEmails * 2;
        Log($"{path} capacity: {burstEmails} sent at once");
        burst = await run(env, 1_000_000, burstEmails);
        Log($"  delivered {burst.DeliveredRate:F0}/s");
    }

    var rate = options.EmailRate ?? Math.Max(5, burst!.DeliveredRate * 0.5);
    var emails = Math.Clamp((int)(rate * plan.LatencySeconds), plan.MinEmails, plan.MaxEmails);
    for (var i = 1; i <= plan.Runs; i++)
    {
        Log($"{path} latency, run {i}/{plan.Runs} ({emails} at {rate:F0}/s)");
        var latency = await run(env, rate, emails);
        runs.Add(latency);
        Log($"  p50 {latency.P50Ms:F1} ms, p99 {latency.P99Ms:F1} ms, p99.9 {latency.P999Ms:F1} ms, max {latency.MaxMs:F1} ms, delivered {latency.DeliveredRate:F0}/s");
    }

    return burst;
}

// A million journeys and a million timers; writes only the scale section of docs/benchmarks.md.
static async Task RunScale(bool keepDatabase, string? reuseDatabase)
{
    var clock = Stopwatch.StartNew();
    var env = await BenchEnvironment.Find();
    void Log(string what) => Console.Error.WriteLine($"bench: [{clock.Elapsed:mm\\:ss}] {what}");
    Log($"scale mode, services from {env.Source}");
    var results = await ScaleRun.Run(env, new ScalePlan(), keepDatabase, reuseDatabase, Log);
    var section = ScaleReport.Render(results, await MachineInfo.Collect(env));
    Console.WriteLine(section);
    var output = Path.Combine(env.RepositoryRoot, "docs", "benchmarks.md");
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    await File.WriteAllTextAsync(output, ReportSections.WithScale(File.Exists(output) ? await File.ReadAllTextAsync(output) : null, section));
    Log($"wrote the scale section of {output}");
}

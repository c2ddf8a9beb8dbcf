using System.Diagnostics;
using CartRecovery.FaultRunner.Infrastructure;
using CartRecovery.FaultRunner.Reporting;
using CartRecovery.FaultRunner.Scenarios;
using CartRecovery.FaultRunner.Shoppers;

// Runs the fault scenarios against the built service and writes docs/reliability.md (the full run) or
// .services/faults/reliability-quick.md (--quick: F3, F4, F8). Exit code 1 when any row lost, duplicated or sent
// an unexpected email, or a fault could not be shown to have happened. --only F1,F7 picks scenarios;
// --keep-failed leaves a failed scenario's database behind.
var quick = args.Contains("--quick");
var keepFailed = args.Contains("--keep-failed");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries);
var timings = quick ? ScenarioTimings.Quick : ScenarioTimings.Full;
var clock = Stopwatch.StartNew();
void Log(string line) => Console.Error.WriteLine($"faults: [{clock.Elapsed:mm\\:ss}] {line}");

Scenario[] all =
[
    new F1BrokerStopped(TimeSpan.FromMinutes(1)),
    new F2PostgresStopped(TimeSpan.FromMinutes(1)),
    new F3ServiceKilled(),
    new F4EventsDuplicated(quick ? TimeSpan.FromSeconds(6) : TimeSpan.FromSeconds(10)),
    new F5EventsOutOfOrder(),
    new F6PoisonMixedIn(),
    new F7BrokerDownWhileTimersDue(TimeSpan.FromSeconds(30)),
    new F8StopsMidJourney(),
    new F9OneOfTwoKilled(),
    new F10RelayDown(TimeSpan.FromMinutes(2)),
    new F11RelayDropsAfterData(3),
];
string[] quickSet = ["F3", "F4", "F8"];
var scenarios = all.Where(s => only?.Contains(s.Id, StringComparer.OrdinalIgnoreCase) ?? (!quick || quickSet.Contains(s.Id))).ToList();

var environment = await RunnerEnvironment.Find();
Log($"{scenarios.Count} scenarios on vhost '{environment.VirtualHost}', service {environment.ServiceAssembly}");
using var broker = new Broker(environment);
await broker.EnsureVirtualHost();
var results = new List<ScenarioResult>();
foreach (var scenario in scenarios)
{
    Log($"{scenario.Id}: {scenario.Title}");
    var result = await scenario.Run(environment, broker, timings, keepFailed, Log);
    results.Add(result);
    Log($"{result.Id}: {result.Events} events, {result.Expected} expected, {result.Delivered} delivered, {result.Lost} lost, "
        + $"{result.Duplicated} duplicated, {result.Unexpected} unexpected, {result.InDoubt} in doubt, {result.ErrorQueueMessages} in error queues, "
        + $"{result.StuckJourneys} stuck, recovery {result.RecoveryTime?.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"} "
        + $"-> {(result.Passed ? "ok" : "FAILED: " + string.Join("; ", result.Failures))}");
}

await broker.PurgeAll();
var report = ReliabilityReport.Render(results, timings, quick, clock.Elapsed);
var output = quick || only is not null
    ? Path.Combine(environment.RepositoryRoot, ".services", "faults", "reliability-quick.md")
    : Path.Combine(environment.RepositoryRoot, "docs", "reliability.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report);
Console.WriteLine(report);
Log($"wrote {output}; {results.Count(r => r.Passed)} of {results.Count} scenarios passed");
return results.All(r => r.Passed) ? 0 : 1;

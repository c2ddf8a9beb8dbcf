using System.Diagnostics;

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>Waits until the scenario has nothing left to do (every cart journey final or past its last email, no email waiting for the
/// relay or mid-send, no message in the service's queues) and stays so for a moment, or until the deadline; and
/// measures, on the way, how long after the fault the emails that fell due during it took to go out.</summary>
internal static class Quiet
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private const int CalmPolls = 4;

    public static async Task<TimeSpan?> Wait(ScenarioContext context, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? recovery = null;
        var calm = 0;
        var lastSeen = -1;
        while (clock.Elapsed < deadline)
        {
            if (recovery is null && context.FaultEndedAt is { } ended && await Recovered(context, ended))
            {
                recovery = DateTimeOffset.UtcNow - ended;
                context.Log($"recovered {recovery.Value.TotalSeconds:F1} s after the fault");
            }

            var seen = context.Relay.Accepted.Count + context.Relay.Dropped.Count;
            var idle = seen == lastSeen && await NothingLeft(context);
            calm = idle ? calm + 1 : 0;
            lastSeen = seen;
            if (calm >= CalmPolls && (recovery is not null || context.FaultEndedAt is null))
            {
                return recovery;
            }

            await Task.Delay(Poll);
        }

        context.Log($"not quiet after {deadline.TotalSeconds:F0} s: counting what there is");
        return recovery;
    }

    private static async Task<bool> NothingLeft(ScenarioContext context) =>
        await context.Database.UnsettledCartJourneys() == 0
        && await context.Database.EmailsWaitingForRelay() == 0
        && await context.Database.SendsInFlight(ScenarioContext.LongestSend) == 0
        && await context.Broker.Backlog() == 0;

    /// <summary>An instance is ready and every expected email due before the fault ended has reached the relay.</summary>
    private static async Task<bool> Recovered(ScenarioContext context, DateTimeOffset faultEnded)
    {
        var arrived = context.Relay.Accepted.Select(e => e.Key).Concat(context.Relay.Dropped.Select(e => e.Key))
            .Concat(await context.Database.InDoubt(ScenarioContext.LongestSend)).ToHashSet();
        var due = context.Shoppers
            .SelectMany(s => s.ExpectedSteps.Where(step => s.DueAt(step, context.Timings) <= faultEnded).Select(step => (s, step)))
            .ToList();
        return due.All(d => arrived.Contains(new Infrastructure.EmailKey(d.s.CartId, d.step))) && await context.AnyInstanceReady();
    }
}

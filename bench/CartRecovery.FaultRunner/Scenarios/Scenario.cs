using System.Diagnostics;
using CartRecovery.FaultRunner.Infrastructure;
using CartRecovery.FaultRunner.Reporting;
using CartRecovery.FaultRunner.Shoppers;

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>One fault: start the service, drive shoppers, inject the fault while emails are due and check that it
/// really happened, then wait for quiet and count.</summary>
internal abstract class Scenario
{
    public abstract string Id { get; }
    public abstract string Title { get; }

    /// <summary>Configuration on top of the runner's defaults (ScenarioContext).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>How long quiet may take after the drive, at most.</summary>
    protected virtual TimeSpan SettleDeadline => TimeSpan.FromMinutes(2);

    public async Task<ScenarioResult> Run(RunnerEnvironment environment, Broker broker, ScenarioTimings timings, bool keepFailed, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        await using var context = await ScenarioContext.Create(environment, Id, timings, broker, Settings, log);
        await Drive(context);
        var recovery = await Quiet.Wait(context, SettleDeadline);
        var result = await Tally.Count(context, Title, recovery, clock.Elapsed);
        var checkedBefore = context.FailedChecks.Count;
        await Judge(context, result);
        // Checks made while judging (after the tally) belong to the row too.
        result.Failures.AddRange(context.FailedChecks.Skip(checkedBefore));
        result = result with { Evidence = [.. context.Evidence] };
        context.KeepDatabase = keepFailed && !result.Passed;
        return result;
    }

    /// <summary>Starts the instances, runs the stream and injects the fault.</summary>
    protected abstract Task Drive(ScenarioContext context);

    /// <summary>Cells that must be zero unless the fault is meant to fill them.</summary>
    protected virtual async Task Judge(ScenarioContext context, ScenarioResult result)
    {
        await JudgeInDoubt(context, result);
        JudgeErrorQueues(result);
    }

    /// <summary>
    /// A kill -9 can land after the relay's 250 and before the service records the send (a runner that kills when an
    /// email arrives makes that likely). No sender can close that gap over SMTP; at most once means such a send stays
    /// in doubt and is never resent. So in doubt is allowed only for sends claimed within one send's length before a
    /// kill; any other fails the row, and a resend counts as duplicated.
    /// </summary>
    protected static async Task JudgeInDoubt(ScenarioContext context, ScenarioResult result)
    {
        var claims = await context.Database.InDoubtClaims(ScenarioContext.LongestSend);
        var cutByKill = claims.Where(c => context.Kills.Any(kill =>
            c.ClaimedAt <= kill && c.ClaimedAt >= kill - ScenarioContext.LongestSend)).ToList();
        var unexplained = claims.Count - cutByKill.Count;
        if (unexplained != 0)
        {
            result.Failures.Add(context.Kills.Count == 0 ? $"{unexplained} in doubt" : $"{unexplained} in doubt not cut off by a kill");
        }

        if (cutByKill.Count != 0)
        {
            var received = cutByKill.Count(c => context.Relay.Accepted.Any(e => e.Key == c.Key));
            result.Notes.Add($"In doubt: {cutByKill.Count} send(s) claimed just before a kill -9 and never recorded as sent; "
                + $"the relay had received {received} of them, and none was resent.");
        }
    }

    protected static void JudgeErrorQueues(ScenarioResult result)
    {
        if (result.ErrorQueueMessages != 0)
        {
            result.Failures.Add($"{result.ErrorQueueMessages} messages in error queues");
        }
    }

    /// <summary>The usual drive: one instance, the four cohorts, <paramref name="fault"/> alongside the stream.</summary>
    protected static async Task StreamWith(ScenarioContext context, Func<ShopperStream, Task> fault, bool scrambled = false)
    {
        await context.StartInstance();
        context.Shoppers.AddRange(context.Factory.Standard(scrambled));
        var stream = new ShopperStream(context.Shoppers, context.Producer, context.Timings);
        await Task.WhenAll(stream.Run(), fault(stream));
    }

    /// <summary>Waits until a share of the abandoners' recovery emails is in: the timers are firing.</summary>
    protected static async Task WhenRecoveryEmailsStart(ScenarioContext context, double share)
    {
        var abandoners = context.Shoppers.Where(s => s.ExpectedSteps.Count > 0).Select(s => s.CartId).ToHashSet();
        var wanted = Math.Max(1, (int)(abandoners.Count * share));
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (context.Relay.Accepted.Count(e => e.Step == 1 && abandoners.Contains(e.JourneyId)) < wanted)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException("No recovery email arrived within two minutes: the journeys do not fire.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Takes a dependency away for <paramref name="duration"/>: its port must really refuse, at the start
    /// and at the end of the outage. <paramref name="during"/> runs at the end, while it is still away.</summary>
    protected static async Task Outage(ScenarioContext context, string what, int port, Action down, Action up, TimeSpan duration,
        Func<Task>? during = null)
    {
        down();
        context.Log($"{what} down for {duration.TotalSeconds:F0} s");
        context.Check(await FreePort.Refuses(port), $"{what}'s port {port} refused connections when the outage began");
        await Task.Delay(duration);
        if (during is not null)
        {
            await during();
        }

        context.Check(await FreePort.Refuses(port), $"{what}'s port {port} still refused connections {duration.TotalSeconds:F0} s later");
        up();
        context.FaultEndedAt = DateTimeOffset.UtcNow;
        context.Log($"{what} back");
    }

    /// <summary>kill -9 of an instance, checked (the process is gone and its port silent).</summary>
    protected static async Task KillHard(ScenarioContext context, ServiceProcess instance, string when)
    {
        var pid = instance.ProcessId;
        context.Check(await instance.KillHard(), $"{instance.Name} (pid {pid}) died of kill -9 {when}");
        context.FaultEndedAt = DateTimeOffset.UtcNow;
        context.Kills.Add(context.FaultEndedAt.Value);
    }

    /// <summary>Starts a killed instance again on its port, checked (a new process answers ready).</summary>
    protected static async Task Restart(ScenarioContext context, ServiceProcess instance)
    {
        var before = instance.ProcessId;
        await instance.Start(TimeSpan.FromSeconds(90));
        context.Check(instance.ProcessId != before && await instance.IsReady(),
            $"{instance.Name} restarted as pid {instance.ProcessId} (start {instance.Starts}) and answered ready");
    }
}

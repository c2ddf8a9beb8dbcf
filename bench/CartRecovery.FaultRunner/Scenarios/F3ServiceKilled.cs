using CartRecovery.FaultRunner.Reporting;

namespace CartRecovery.FaultRunner.Scenarios;

internal sealed class F3ServiceKilled : Scenario
{
    public override string Id => "F3";
    public override string Title => "kill -9 of the service mid-stream and again mid-timer-burst";


    protected override Task Drive(ScenarioContext context) => StreamWith(context, async stream =>
    {
        var instance = context.Instances[0];
        await stream.WhenTicksPosted(stream.TotalTicks / 2);
        await KillHard(context, instance, "mid-stream");
        await Restart(context, instance);
        await WhenRecoveryEmailsStart(context, 0.3);
        await KillHard(context, instance, "mid-timer-burst");
        await Restart(context, instance);
    });

    /// <summary>
    /// The second kill follows the relay's acceptance of a recovery email by a few milliseconds, so it can land
    /// after the relay's 250 and before the service records the send. No sender can close that gap over SMTP; at
    /// most once means such a send stays in doubt and is never resent. So in doubt is allowed here only for sends
    /// claimed within one send's length before a kill; any other is a failure, and a resend counts as duplicated.
    /// </summary>
    protected override async Task Judge(ScenarioContext context, ScenarioResult result)
    {
        JudgeErrorQueues(result);
        var claims = await context.Database.InDoubtClaims(ScenarioContext.LongestSend);
        var unexplained = claims.Where(c => !context.Kills.Any(kill =>
            c.ClaimedAt <= kill && c.ClaimedAt >= kill - ScenarioContext.LongestSend)).ToList();
        if (unexplained.Count != 0)
        {
            result.Failures.Add($"{unexplained.Count} in doubt not cut off by a kill");
        }

        if (claims.Count != 0)
        {
            var received = claims.Count(c => context.Relay.Accepted.Any(e => e.Key == c.Key));
            result.Notes.Add($"In doubt: {claims.Count} send(s) claimed just before a kill -9 and never recorded as sent; "
                + $"the relay had received {received} of them, and none was resent.");
        }
    }
}

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
}

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>The whole stream is in, then the broker goes away while the idle and discount timers fall due: they
/// must wait in the timer table and fire once when it is back.</summary>
internal sealed class F7BrokerDownWhileTimersDue(TimeSpan outage) : Scenario
{
    public override string Id => "F7";
    public override string Title => $"broker down for {outage.TotalSeconds:F0} s while a burst of timers is due";


    protected override Task Drive(ScenarioContext context) => StreamWith(context, async stream =>
    {
        await stream.WhenTicksPosted(stream.TotalTicks);
        await Outage(context, "RabbitMQ", context.RabbitProxy.Port, context.RabbitProxy.Down, context.RabbitProxy.Up, outage, async () =>
        {
            var overdue = await context.Database.OverdueTimers();
            context.Check(overdue > 0, $"{overdue} timers were overdue in the timer table while the broker was away");
        });
    });
}

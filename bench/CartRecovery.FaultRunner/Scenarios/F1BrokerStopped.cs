namespace CartRecovery.FaultRunner.Scenarios;

internal sealed class F1BrokerStopped(TimeSpan outage) : Scenario
{
    public override string Id => "F1";
    public override string Title => $"RabbitMQ stopped for {outage.TotalSeconds:F0} s mid-stream";


    protected override Task Drive(ScenarioContext context) => StreamWith(context, async stream =>
    {
        await stream.WhenTicksPosted(stream.TotalTicks / 3);
        await Outage(context, "RabbitMQ", context.RabbitProxy.Port, context.RabbitProxy.Down, context.RabbitProxy.Up, outage);
    });
}

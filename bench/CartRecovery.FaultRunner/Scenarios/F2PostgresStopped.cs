namespace CartRecovery.FaultRunner.Scenarios;

internal sealed class F2PostgresStopped(TimeSpan outage) : Scenario
{
    public override string Id => "F2";
    public override string Title => $"PostgreSQL stopped for {outage.TotalSeconds:F0} s mid-stream (a managed failover)";


    protected override Task Drive(ScenarioContext context) => StreamWith(context, async stream =>
    {
        await stream.WhenTicksPosted(stream.TotalTicks / 3);
        await Outage(context, "PostgreSQL", context.PostgresProxy.Port, context.PostgresProxy.Down, context.PostgresProxy.Up, outage);
    });
}

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>The SMTP relay is away (its port refuses) from before the first email falls due until long after the
/// discounts are due: every email waits in the ledger and goes once the relay is back.</summary>
internal sealed class F10RelayDown(TimeSpan outage) : Scenario
{
    public override string Id => "F10";
    public override string Title => $"SMTP relay down for {outage.TotalSeconds:F0} s while emails are due";

    protected override Task Drive(ScenarioContext context) => StreamWith(context, async stream =>
    {
        await stream.WhenTicksPosted(2);
        await Outage(context, "the SMTP relay", context.Relay.Port, context.Relay.Down, context.Relay.Up, outage, async () =>
        {
            var waiting = await context.Database.EmailsWaitingForRelay();
            context.Check(waiting > 0, $"{waiting} emails waited in the ledger for the relay at the end of the outage");
        });
    });
}

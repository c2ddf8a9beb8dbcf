using CartRecovery.FaultRunner.Shoppers;

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>Two instances share the load (the producer alternates); one dies of kill -9 mid-stream and stays dead:
/// the other takes its messages, its claimed timers (after their lease) and its producer.</summary>
internal sealed class F9OneOfTwoKilled : Scenario
{
    public override string Id => "F9";
    public override string Title => "two instances, one killed mid-stream";


    protected override async Task Drive(ScenarioContext context)
    {
        var first = await context.StartInstance();
        var second = await context.StartInstance();
        context.Shoppers.AddRange(context.Factory.Standard());
        var stream = new ShopperStream(context.Shoppers, context.Producer, context.Timings);
        await Task.WhenAll(stream.Run(), Kill());

        async Task Kill()
        {
            await stream.WhenTicksPosted(stream.TotalTicks / 2);
            await KillHard(context, first, "mid-stream");
            context.Check(await second.IsReady(), $"{second.Name} stayed ready after {first.Name} died");
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using CartRecovery.FaultRunner.Shoppers;

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>Every request goes two or three times; the first third of them once more after the inbox has forgotten
/// their ids (a short duplicate-detection window, purged every few seconds).</summary>
internal sealed class F4EventsDuplicated(TimeSpan inboxWindow) : Scenario
{
    public override string Id => "F4";
    public override string Title => $"every event delivered 2-3 times, a third again after the {inboxWindow.TotalSeconds:F0} s inbox window";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Outbox:DuplicateDetectionWindow"] = inboxWindow.ToString("c", CultureInfo.InvariantCulture),
        ["Retention:Enabled"] = "true",
        ["Retention:Interval"] = "00:00:02",
    };

    protected override async Task Drive(ScenarioContext context)
    {
        await context.StartInstance();
        context.Shoppers.AddRange(context.Factory.Standard());
        var stream = new ShopperStream(context.Shoppers, context.Producer, context.Timings) { CopiesOfTick = tick => 2 + (tick % 2) };
        await stream.Run();
        context.Check(true, $"{stream.Posted.Count} requests posted {stream.Posted.Select((_, i) => 2 + (i % 2)).Sum()} times in all");

        var late = stream.Posted.Take(Math.Max(1, stream.Posted.Count / 3)).ToList();
        var ids = late.SelectMany(b => b).Select(e => e["eventId"]!.GetValue<Guid>()).ToList();
        var forgotten = await Forgotten(context, ids, inboxWindow + TimeSpan.FromSeconds(30));
        context.Check(forgotten, $"the inbox forgot all {ids.Count} ids of the first {late.Count} requests before they came again");
        foreach (var batch in late)
        {
            await context.Producer.Post(batch);
        }

        context.Check(true, $"{late.Count} requests ({ids.Count} events) posted again after the inbox window");
    }

    private static async Task<bool> Forgotten(ScenarioContext context, IReadOnlyCollection<Guid> ids, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await context.Database.InboxRows(ids) == 0)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}

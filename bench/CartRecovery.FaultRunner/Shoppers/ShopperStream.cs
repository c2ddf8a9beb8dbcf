using System.Text.Json.Nodes;

namespace CartRecovery.FaultRunner.Shoppers;

/// <summary>Drives the shoppers as a producer would: every tick one request carrying the next group of events of
/// every shopper under way, new shoppers arriving a few per tick. Requests go one after another, so a request the
/// service cannot take holds up the ones behind it, as in a real producer's queue.</summary>
internal sealed class ShopperStream(IReadOnlyList<Shopper> shoppers, EventProducer producer, ScenarioTimings timings)
{
    private int _ticksPosted;

    /// <summary>How often each request is posted (F4 posts every request 2 or 3 times).</summary>
    public Func<int, int> CopiesOfTick { get; init; } = _ => 1;

    /// <summary>Runs before each tick's request, to mix other traffic in (F6's poison).</summary>
    public Func<int, Task>? BeforeTick { get; init; }

    public int TicksPosted => Volatile.Read(ref _ticksPosted);

    public List<IReadOnlyList<JsonObject>> Posted { get; } = [];

    public int TotalTicks => ((shoppers.Count - 1) / timings.ArrivalsPerTick) + shoppers.Max(s => s.Groups.Count);

    public async Task Run()
    {
        var next = DateTimeOffset.UtcNow;
        for (var tick = 0; tick < TotalTicks; tick++)
        {
            var due = new List<(Shopper Shopper, IReadOnlyList<JsonObject> Group)>();
            for (var i = 0; i < shoppers.Count; i++)
            {
                var group = tick - (i / timings.ArrivalsPerTick);
                if (group >= 0 && group < shoppers[i].Groups.Count)
                {
                    due.Add((shoppers[i], shoppers[i].Groups[group]));
                }
            }

            if (BeforeTick is not null)
            {
                await BeforeTick(tick);
            }

            var batch = due.SelectMany(d => d.Group).ToList();
            if (batch.Count > 0)
            {
                for (var copy = 0; copy < CopiesOfTick(tick); copy++)
                {
                    await producer.Post(batch);
                }

                Posted.Add(batch);
                var accepted = DateTimeOffset.UtcNow;
                foreach (var (shopper, _) in due)
                {
                    shopper.LastAcceptedAt = accepted;
                }
            }

            Interlocked.Increment(ref _ticksPosted);
            next += timings.Tick;
            if (next > DateTimeOffset.UtcNow)
            {
                await Task.Delay(next - DateTimeOffset.UtcNow);
            }
        }
    }

    public async Task WhenTicksPosted(int ticks)
    {
        while (TicksPosted < ticks)
        {
            await Task.Delay(50);
        }
    }
}

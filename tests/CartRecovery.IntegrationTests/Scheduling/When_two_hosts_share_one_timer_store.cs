using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Scheduling;

[Collection(IntegrationCollection.Name)]
public sealed class When_two_hosts_share_one_timer_store(ServiceEndpoints services)
{
    private const int Timers = 2_000;

    [Fact]
    public async Task Should_fire_two_thousand_timers_due_within_a_second_exactly_once_in_total()
    {
        var database = await services.CreateDatabase();
        await using var a = await TestHost.Start(services, database, o => o.PurgeQueues = true);
        await using var b = await TestHost.Start(services, database);
        var sentByA = new SendCounter<TimerProbe>();
        var sentByB = new SendCounter<TimerProbe>();
        a.Bus.ConnectSendObserver(sentByA);
        b.Bus.ConnectSendObserver(sentByB);

        // 2,000 timers due within one second.
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        var ids = await TimerStore.ScheduleProbes(a, [.. Enumerable.Range(0, Timers).Select(i => start.AddMilliseconds(i / 2.0))]);

        await Eventually.Until(() => a.Database.Count("SELECT count(*) FROM scheduled_timer"),
            n => n == 0, TimeSpan.FromSeconds(60), "every timer fired and completed");
        await Eventually.Until(() => Task.FromResult(a.TimerProbes.Received.Count + b.TimerProbes.Received.Count),
            n => n >= Timers, TimeSpan.FromSeconds(30), "every probe consumed");

        Assert.Equal(Timers, sentByA.Count + sentByB.Count);
        var received = a.TimerProbes.Received.Concat(b.TimerProbes.Received).Select(c => c.Message.Id).ToList();
        Assert.Equal(Timers, received.Count);
        Assert.Equal(ids.Order(), received.Order());
        Assert.True(sentByA.Count > 0 && sentByB.Count > 0, $"both nodes fire timers (a: {sentByA.Count}, b: {sentByB.Count})");
    }
}

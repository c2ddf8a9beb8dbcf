using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Scheduling;

[Collection(IntegrationCollection.Name)]
public sealed class When_two_hosts_share_one_timer_store(ServiceEndpoints services)
{
    [Fact]
    public async Task Should_fire_five_hundred_timers_exactly_once_in_total()
    {
        var database = await services.CreateDatabase();
        await using var a = await TestHost.Start(services, database, o => o.PurgeQueues = true);
        await using var b = await TestHost.Start(services, database);
        var sentByA = new SendCounter<TimerProbe>();
        var sentByB = new SendCounter<TimerProbe>();
        a.Bus.ConnectSendObserver(sentByA);
        b.Bus.ConnectSendObserver(sentByB);

        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        var ids = await TimerStore.ScheduleProbes(a, [.. Enumerable.Range(0, 500).Select(i => start.AddMilliseconds(i * 4))]);

        await Eventually.Until(() => a.Database.Count("SELECT (SELECT count(*) FROM qrtz_triggers) + (SELECT count(*) FROM qrtz_fired_triggers)"),
            n => n == 0, TimeSpan.FromSeconds(60), "every timer fired and completed");
        await Eventually.Until(() => Task.FromResult(a.TimerProbes.Received.Count + b.TimerProbes.Received.Count),
            n => n >= 500, TimeSpan.FromSeconds(30), "every probe consumed");

        Assert.Equal(500, sentByA.Count + sentByB.Count);
        var received = a.TimerProbes.Received.Concat(b.TimerProbes.Received).Select(c => c.Message.Id).ToList();
        Assert.Equal(500, received.Count);
        Assert.Equal(ids.Order(), received.Order());
        Assert.True(sentByA.Count > 0 && sentByB.Count > 0, $"both nodes fire timers (a: {sentByA.Count}, b: {sentByB.Count})");
    }
}

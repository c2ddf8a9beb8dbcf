using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Scheduling;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_timer_holds_a_message_nobody_can_read(ServiceEndpoints services)
{
    [Fact]
    public async Task Should_move_it_to_the_dead_timer_table_after_its_attempts_and_keep_firing_the_others()
    {
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Scheduler:MaxUnreadableAttempts"] = "2";
        });
        var poison = new TimerWriteBuffer();
        var now = DateTimeOffset.UtcNow;
        poison.Inserts.Add(new ScheduledTimer
        {
            TokenId = Guid.NewGuid(),
            DueAt = now,
            ScheduledFor = now,
            Destination = TimerStore.ProbeQueue,
            MessageType = "Nobody.Knows.This, Nowhere",
            Body = "{}",
            MessageId = Guid.NewGuid(),
        });
        await host.Services.GetRequiredService<TimerTable>().Write(poison, null, null, CancellationToken.None);
        var healthy = await TimerStore.ScheduleProbes(host, [DateTimeOffset.UtcNow.AddSeconds(1)]);

        var reason = await Eventually.Until(() => host.Database.Scalar<string>("SELECT reason FROM dead_timer"),
            r => r is not null, TimeSpan.FromSeconds(30), "the unreadable timer buried");
        Assert.Contains("Nobody.Knows.This", reason, StringComparison.Ordinal);
        Assert.Equal(2, await host.Database.Scalar<int>("SELECT attempts FROM dead_timer"));
        await host.TimerProbes.WaitFor(p => p.Id == healthy[0], count: 1, TimeSpan.FromSeconds(20));
        await Eventually.Until(() => host.Database.Count("SELECT count(*) FROM scheduled_timer"), n => n == 0, TimeSpan.FromSeconds(10),
            "the healthy timer completed");
        Assert.Equal(1, await ScrapedMetrics.Gauge(host.Http, "cartrecovery_timers_dead"));
    }
}

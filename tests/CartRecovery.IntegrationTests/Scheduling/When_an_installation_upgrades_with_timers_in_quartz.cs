using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CartRecovery.IntegrationTests.Scheduling;

/// <summary>An earlier version kept timers as Quartz triggers of one durable send job; the next start moves them into
/// the timer table with their token, message id and due time.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_an_installation_upgrades_with_timers_in_quartz(ServiceEndpoints services)
{
    [Fact]
    public async Task Should_move_the_pending_timers_and_fire_them_once()
    {
        var database = await services.CreateDatabase();
        var probe = new TimerProbe { Id = Guid.NewGuid() };
        var token = Guid.NewGuid();
        var due = DateTimeOffset.UtcNow.AddSeconds(8);
        await using (var earlier = await TestHost.Start(services, database, o => o.PurgeQueues = true))
        {
            // What the earlier version wrote: its durable send job and one trigger per timer.
            var scheduler = earlier.Services.GetRequiredService<QuartzSchedulerHolder>().Scheduler;
            await scheduler.AddJob(JobBuilder.Create<LegacySendJob>().WithIdentity(TimerKeys.SendJob).StoreDurably().Build(), AddJobOptions.Replacing);
            await scheduler.ScheduleJob(TriggerBuilder.Create()
                .WithIdentity(TimerKeys.For(token))
                .ForJob(TimerKeys.SendJob)
                .StartAt(due)
                .UsingJobData(new ScheduledMessageData
                {
                    Destination = TimerStore.ProbeQueue,
                    MessageType = $"{typeof(TimerProbe).FullName}, {typeof(TimerProbe).Assembly.GetName().Name}",
                    Body = $$"""{"id":"{{probe.Id}}"}""",
                    MessageId = Guid.NewGuid(),
                    TokenId = token,
                    ScheduledAt = due,
                }.ToJobData())
                .Build());
            await earlier.Stop();
        }

        await using var upgraded = await TestHost.Start(services, database);

        Assert.Equal(0, await upgraded.Database.Count("SELECT count(*) FROM qrtz_triggers WHERE trigger_group <> 'cartrecovery-maintenance'"));
        Assert.Equal(1, await upgraded.Database.Count("SELECT count(*) FROM scheduled_timer WHERE token_id = @token", ("token", token)));
        var fired = await upgraded.TimerProbes.WaitFor(p => p.Id == probe.Id, count: 1, TimeSpan.FromSeconds(30));
        Assert.Equal(token.ToString("D"), Assert.Single(fired).Headers.Get<string>("MT-Scheduling-TokenId"));
        await Eventually.Until(() => upgraded.Database.PendingTimers(token), n => n == 0, TimeSpan.FromSeconds(10), "the moved timer completed");
    }
}

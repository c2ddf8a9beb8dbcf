using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Retention;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>Creates the Quartz scheduler for recurring maintenance (which provisions its tables when missing) and
/// stores the retention purge, in standby until the bus is up, and moves any timers an earlier version kept in
/// Quartz into the timer table.</summary>
public sealed class QuartzSchedulerInitializer(
    ISchedulerFactory factory,
    QuartzSchedulerHolder holder,
    LegacyQuartzTimerMigration legacyTimers,
    TimerSubject subject,
    IOptions<RetentionOptions> retention,
    IOptions<OutboxOptions> outbox)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await legacyTimers.Move(scheduler, subject, cancellationToken);
        await ScheduleRetention(scheduler, cancellationToken);
        await Recurring<OutboxSweepJob>(scheduler, TimerKeys.OutboxSweepJob, TimerKeys.OutboxSweepTrigger, outbox.Value.SweepInterval, cancellationToken);
        holder.Set(scheduler);
    }

    private async Task ScheduleRetention(IScheduler scheduler, CancellationToken cancellationToken)
    {
        if (!retention.Value.Enabled)
        {
            await scheduler.DeleteJob(TimerKeys.RetentionJob, cancellationToken);
            return;
        }

        await Recurring<RetentionJob>(scheduler, TimerKeys.RetentionJob, TimerKeys.RetentionTrigger, retention.Value.Interval, cancellationToken);
    }

    private static async Task Recurring<TJob>(IScheduler scheduler, JobKey jobKey, TriggerKey triggerKey, TimeSpan interval,
        CancellationToken cancellationToken)
        where TJob : IJob
    {
        var job = JobBuilder.Create<TJob>().WithIdentity(jobKey).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            .Build();
        // Replacing on every start picks up a changed interval; every instance schedules the same job and trigger.
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (holder.IsCreated && holder.Scheduler.Status is not (SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown))
        {
            await holder.Scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}

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
    IOptions<RetentionOptions> retention)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await legacyTimers.Move(scheduler, subject, cancellationToken);
        await ScheduleRetention(scheduler, cancellationToken);
        holder.Set(scheduler);
    }

    private async Task ScheduleRetention(IScheduler scheduler, CancellationToken cancellationToken)
    {
        if (!retention.Value.Enabled)
        {
            await scheduler.DeleteJob(TimerKeys.RetentionJob, cancellationToken);
            return;
        }

        var job = JobBuilder.Create<RetentionJob>().WithIdentity(TimerKeys.RetentionJob).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TimerKeys.RetentionTrigger)
            .ForJob(TimerKeys.RetentionJob)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(retention.Value.Interval).RepeatForever())
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

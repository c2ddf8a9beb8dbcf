using Microsoft.Extensions.Hosting;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>Creates the Quartz scheduler for recurring maintenance (which provisions its tables when missing), in
/// standby until the bus is up, and moves any timers an earlier version kept in Quartz into the timer table.</summary>
public sealed class QuartzSchedulerInitializer(
    ISchedulerFactory factory,
    QuartzSchedulerHolder holder,
    LegacyQuartzTimerMigration legacyTimers,
    TimerSubject subject)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await legacyTimers.Move(scheduler, subject, cancellationToken);
        holder.Set(scheduler);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (holder.IsCreated && holder.Scheduler.Status is not (SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown))
        {
            await holder.Scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}

using Microsoft.Extensions.Hosting;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>Creates the scheduler (which provisions its tables when missing) and stores the one durable send
/// job, in standby: timers start firing only once the bus is up.</summary>
public sealed class QuartzSchedulerInitializer(ISchedulerFactory factory, QuartzSchedulerHolder holder) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<SendScheduledMessageJob>()
            .WithIdentity(TimerKeys.SendJob)
            .StoreDurably()
            .RequestRecovery()
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
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

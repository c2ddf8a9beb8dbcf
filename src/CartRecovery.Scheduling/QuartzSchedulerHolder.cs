using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>The one scheduler of this process, created before the bus starts so every consumer can use it.</summary>
public sealed class QuartzSchedulerHolder
{
    private IScheduler? _scheduler;

    public IScheduler Scheduler => _scheduler
        ?? throw new InvalidOperationException("The scheduler is used before the host created it.");

    public bool IsCreated => _scheduler is not null;

    internal void Set(IScheduler scheduler) => _scheduler = scheduler;
}

using CartRecovery.Persistence.Retention;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>The recurring retention purge. Quartz runs it on one instance of the cluster at a time, outside any
/// message transaction; a run that fails is simply tried again at the next interval.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionPurger purger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await purger.PurgeAll(cancellationToken);
}

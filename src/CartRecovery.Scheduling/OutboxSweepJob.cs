using CartRecovery.Persistence.Outbox;
using MassTransit;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>Delivers committed messages whose own attempt never sent them, a batch at a time until none is left.
/// Quartz runs it on one instance of the cluster at a time, outside any message transaction.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxSweepJob(UndeliveredOutboxSweeper sweeper, IBus bus) : IJob
{
    private const int MaxBatchesPerRun = 50;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        for (var batch = 0; batch < MaxBatchesPerRun && await sweeper.Sweep(bus, cancellationToken) > 0; batch++)
        {
        }
    }
}

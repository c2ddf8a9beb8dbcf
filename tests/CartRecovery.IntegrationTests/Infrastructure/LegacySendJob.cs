using Quartz;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Stands in for the send job of the version that kept timers in Quartz; the upgrade moves its triggers
/// before it could ever run.</summary>
public sealed class LegacySendJob : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A legacy Quartz timer fired instead of being moved to the timer table.");
}

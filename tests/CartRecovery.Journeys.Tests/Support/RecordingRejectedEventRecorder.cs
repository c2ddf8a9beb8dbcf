using System.Collections.Concurrent;
using CartRecovery.Journeys.Validation;

namespace CartRecovery.Journeys.Tests.Support;

public sealed class RecordingRejectedEventRecorder : IRejectedEventRecorder
{
    public ConcurrentQueue<RejectedEvent> Rejected { get; } = new();

    public Task RecordAsync(RejectedEvent rejected, CancellationToken cancellationToken)
    {
        Rejected.Enqueue(rejected);
        return Task.CompletedTask;
    }
}

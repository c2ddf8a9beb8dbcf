using MassTransit;

namespace CartRecovery.Journeys.Configuration;

/// <summary>
/// First filter of every journey endpoint's error pipe: a message that failed because a dependency is away is
/// handed back to the broker (nack, requeue) instead of the error queue, so the queue holds the backlog until the
/// dependency returns. Anything else goes on to the usual fault and error-queue filters.
/// </summary>
public sealed class RequeueTransientFailuresFilter : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next) =>
        TransientFailures.IsTransient(context.Exception)
            ? Task.FromException(new TransientFailureException(context.Exception))
            : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("requeue-transient-failures");
}

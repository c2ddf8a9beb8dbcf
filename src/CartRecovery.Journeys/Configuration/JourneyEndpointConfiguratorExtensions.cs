using CartRecovery.Journeys.Validation;
using MassTransit;
using MassTransit.Middleware;

namespace CartRecovery.Journeys.Configuration;

public static class JourneyEndpointConfiguratorExtensions
{
    /// <summary>The pipeline every journey endpoint shares, once per endpoint, outermost first: validation (an invalid
    /// event is never retried), one partition per customer, durable redelivery while a dependency is away, immediate
    /// retry (lock conflicts, blips), then the inbox/outbox, so each attempt starts clean and every consumer of the
    /// message on the endpoint commits in one transaction. A message that still fails for a dependency goes back to its queue,
    /// never to the error queue; only a message wrong in itself is dead-lettered.</summary>
    public static void UseJourneyPipeline(
        this IReceiveEndpointConfigurator endpoint,
        IRegistrationContext context,
        JourneyEndpointOptions options,
        IJourneyEndpointOutbox outbox)
    {
        endpoint.ConfigureError(error =>
        {
            error.UseFilter(new RequeueTransientFailuresFilter());
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
        });
        endpoint.UseConsumeFilter(typeof(ValidationFilter<>), context);
        _ = new PartitionJourneyMessagesObserver(endpoint, endpoint.CreatePartitioner(options.ConcurrentMessageLimit));
        endpoint.UseScheduledRedelivery(r =>
        {
            r.Handle<Exception>(TransientFailures.IsTransient);
            r.Intervals([.. options.RedeliveryIntervals]);
            if (r is IRedeliveryConfigurator redelivery)
            {
                // The same id, so the inbox recognises the copy if the broker also hands back the original.
                redelivery.ReplaceMessageId = false;
            }
        });
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<InvalidEventException>();
            r.Intervals([.. options.RetryIntervals]);
        });
        outbox.Configure(endpoint, context);
    }

    /// <summary>Stops an endpoint whose messages keep failing because a dependency is away, and starts it again
    /// later, so the backlog waits in its queue instead of spinning through retries.</summary>
    public static void UseDependencyKillSwitch(this IBusFactoryConfigurator bus, JourneyEndpointOptions options) =>
        bus.UseKillSwitch(k => k
            .SetActivationThreshold(options.KillSwitchActivationThreshold)
            .SetTripThreshold(options.KillSwitchTripThreshold)
            .SetTrackingPeriod(TimeSpan.FromMinutes(1))
            .SetRestartTimeout(options.KillSwitchRestartTimeout)
            .SetExceptionFilter(f => f.Handle<Exception>(TransientFailures.IsDependencyUnavailable)));
}

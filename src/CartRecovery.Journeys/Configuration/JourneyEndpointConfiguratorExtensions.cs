using CartRecovery.Journeys.Validation;
using MassTransit;

namespace CartRecovery.Journeys.Configuration;

public static class JourneyEndpointConfiguratorExtensions
{
    /// <summary>The pipeline every journey endpoint shares, outermost first: validation (an invalid event is never
    /// retried), retry (lock conflicts and transient faults), then the outbox, so each attempt starts clean.</summary>
    public static void UseJourneyPipeline(
        this IReceiveEndpointConfigurator endpoint,
        IRegistrationContext context,
        JourneyEndpointOptions options,
        IJourneyEndpointOutbox outbox)
    {
        endpoint.UseConsumeFilter(typeof(ValidationFilter<>), context);
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<InvalidEventException>();
            r.Intervals([.. options.RetryIntervals]);
        });
        outbox.Configure(endpoint, context);
    }
}

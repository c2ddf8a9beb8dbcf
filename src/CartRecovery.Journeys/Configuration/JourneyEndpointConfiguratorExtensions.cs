using System.Text;
using CartRecovery.Journeys.Validation;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Middleware;
using MassTransit.Transports;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Journeys.Configuration;

public static class JourneyEndpointConfiguratorExtensions
{
    /// <summary>The pipeline every journey endpoint shares. It runs once per message, before the message is handed to
    /// the endpoint's consumers and sagas (MassTransit builds its per-message-type filters once per consumer), outermost
    /// first: validation (an invalid event is never retried), one partition per customer, durable redelivery while a
    /// dependency is away, immediate retry (lock conflicts, blips), then the outbox, so each attempt starts clean and
    /// every consumer of the message commits in one transaction. A message that still fails for a dependency goes back
    /// to its queue, never to the error queue; only a message wrong in itself is dead-lettered.</summary>
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

        var types = new JourneyMessageTypes(endpoint);
        // First, before anything that awaits: deliveries enter their partition in the order the broker handed them
        // over. Behind an awaiting stage (validation), a customer's order.shipped could overtake its order.placed and
        // find no journey yet.
        endpoint.AddPrePipeSpecification(new PartitionerPipeSpecification<ConsumeContext>(
            message => Encoding.UTF8.GetBytes(message.GetOrAddPayload(() => PartitionOf(message, types)).Key),
            endpoint.CreatePartitioner(options.ConcurrentMessageLimitFor(endpoint.InputAddress.GetEndpointName() ?? ""))));
        // One service scope per message, shared by its attempts (each starts with a cleared change tracker).
        endpoint.UseServiceScope(context);
        endpoint.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(
            new JourneyValidationFilter(types, context.GetRequiredService<EventValidation>())));
        endpoint.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(
            new DurableRedeliveryFilter(types, options.RedeliveryIntervals)));
        var retry = new ConsumeContextRetryPipeSpecification();
        retry.Ignore<InvalidEventException>();
        retry.Intervals([.. options.RetryIntervals]);
        endpoint.AddPrePipeSpecification(retry);
        outbox.Configure(endpoint, context);
    }

    private static JourneyPartition PartitionOf(ConsumeContext message, JourneyMessageTypes types) =>
        new(message.Headers.Get<string>(JourneyPartition.HeaderName) is { Length: > 0 } scheduledBy
            ? scheduledBy
            : types.Of(message)?.PartitionKey(message) ?? "");

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

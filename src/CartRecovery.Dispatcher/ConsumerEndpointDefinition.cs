using CartRecovery.Journeys;
using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher;

/// <summary>Dispatcher consumers of customer events join the journeys on the customer-events endpoint, so an event's
/// profile, conversion and journey changes commit together, once (the pipeline comes with the endpoint).</summary>
public sealed class ConsumerEndpointDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public ConsumerEndpointDefinition(IOptions<JourneyEndpointOptions> options)
    {
        Endpoint(e => e.OnCustomerEvents(options.Value));
    }
}

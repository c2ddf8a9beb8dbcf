using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher;

/// <summary>Dispatcher consumers get the journeys' pipeline: validation, retry, then the transactional
/// inbox/outbox, so each message counts once and what it sends or schedules commits with its writes.</summary>
public sealed class ConsumerEndpointDefinition<TConsumer>(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseJourneyPipeline(context, options.Value, outbox);
}

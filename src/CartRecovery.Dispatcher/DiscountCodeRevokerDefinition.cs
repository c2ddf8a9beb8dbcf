using CartRecovery.Contracts;
using CartRecovery.Journeys;
using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher;

/// <summary>Keeps <see cref="DiscountCodeRevoker"/> on customer-events for messages already waiting there, without
/// binding <see cref="CartJourneyEnded"/> to the queue: the journey revokes its codes itself now, and a binding would
/// bring every cart's end back as one more delivery. Upgraded installations have the old binding removed at start.</summary>
public sealed class DiscountCodeRevokerDefinition : ConsumerDefinition<DiscountCodeRevoker>
{
    public DiscountCodeRevokerDefinition(IOptions<JourneyEndpointOptions> options)
    {
        Endpoint(e => e.OnCustomerEvents(options.Value));
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DiscountCodeRevoker> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConfigureMessageTopology<CartJourneyEnded>(false);
}

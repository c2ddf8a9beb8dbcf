using CartRecovery.Journeys.Configuration;
using MassTransit;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>Specs let sagas send as they go, so everything a message causes has been sent by the time its
/// consumption is observed; that gives the specs a sure point to move time from. The outboxes themselves are
/// covered by the integration specs.</summary>
public sealed class ImmediateSendOutbox : IJourneyEndpointOutbox
{
    public void Configure(IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
    }
}

using MassTransit;

namespace CartRecovery.Journeys.Configuration;

public sealed class InMemoryJourneyEndpointOutbox : IJourneyEndpointOutbox
{
    public void Configure(IReceiveEndpointConfigurator endpoint, IRegistrationContext context) =>
        endpoint.UseInMemoryOutbox(context);
}

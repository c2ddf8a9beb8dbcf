using MassTransit;

namespace CartRecovery.Journeys.Configuration;

/// <summary>How a journey endpoint holds back what a saga sends until its state is saved. The in-memory outbox
/// serves specs; the service host swaps in the transactional PostgreSQL inbox/outbox.</summary>
public interface IJourneyEndpointOutbox
{
    void Configure(IReceiveEndpointConfigurator endpoint, IRegistrationContext context);
}

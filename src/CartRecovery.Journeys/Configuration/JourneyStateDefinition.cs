using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Configuration;

/// <summary>
/// Every journey lives on the one customer-events endpoint, so an event that concerns several journeys is received
/// once and applied to all of them in one transaction. The endpoint's pipeline (validation, partitions, retry,
/// inbox/outbox) is set once for the endpoint, not per journey (<see cref="JourneyEndpointPipelineRegistration"/>).
/// </summary>
public sealed class JourneyStateDefinition<TState> : SagaDefinition<TState>
    where TState : class, SagaStateMachineInstance
{
    public JourneyStateDefinition(IOptions<JourneyEndpointOptions> options)
    {
        Endpoint(e => e.OnCustomerEvents(options.Value));
    }
}

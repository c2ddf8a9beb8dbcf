using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Configuration;

/// <summary>
/// What every journey endpoint shares: its queue name, the concurrency limit, the journey pipeline (validation,
/// retry, outbox) and a partitioner so messages of one journey instance wait for each other in-process instead
/// of fighting over its row lock. A journey only says how each of its messages finds its instance.
/// </summary>
public abstract class JourneyStateDefinition<TState> : SagaDefinition<TState>
    where TState : class, SagaStateMachineInstance
{
    private readonly JourneyEndpointOptions _options;
    private readonly IJourneyEndpointOutbox _outbox;

    protected JourneyStateDefinition(string endpointName, IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    {
        _options = options.Value;
        _outbox = outbox;
        Endpoint(e => e.Name = endpointName);
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    protected sealed override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<TState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseJourneyPipeline(context, _options, _outbox);
        PartitionMessages(new JourneyPartitions<TState>(sagaConfigurator, endpointConfigurator.CreatePartitioner(_options.ConcurrentMessageLimit)));
    }

    /// <summary>The message types routed to their instance's partition.</summary>
    public IReadOnlyList<Type> PartitionedMessageTypes()
    {
        var partitions = JourneyPartitions<TState>.Recording();
        PartitionMessages(partitions);
        return partitions.MessageTypes;
    }

    protected abstract void PartitionMessages(JourneyPartitions<TState> partitions);
}

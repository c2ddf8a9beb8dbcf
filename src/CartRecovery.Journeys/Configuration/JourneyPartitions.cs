using MassTransit;

namespace CartRecovery.Journeys.Configuration;

/// <summary>Routes each message type of a journey to the partition of the instance it belongs to.</summary>
public sealed class JourneyPartitions<TState>(ISagaConfigurator<TState> saga, IPartitioner partitioner)
    where TState : class, ISaga
{
    public JourneyPartitions<TState> By<TMessage>(Func<TMessage, Guid> instanceOf)
        where TMessage : class
    {
        saga.Message<TMessage>(m => m.UsePartitioner(partitioner, c => instanceOf(c.Message)));
        return this;
    }
}

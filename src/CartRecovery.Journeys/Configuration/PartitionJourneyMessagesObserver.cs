using System.Text;
using MassTransit;
using MassTransit.Configuration;

namespace CartRecovery.Journeys.Configuration;

/// <summary>Puts every message type of a journey endpoint behind one shared partitioner keyed by
/// <see cref="JourneyPartitionKey"/>, before retry and the transaction, so a retry keeps its place in line.</summary>
public sealed class PartitionJourneyMessagesObserver : ConfigurationObserver, IMessageConfigurationObserver
{
    private readonly IPartitioner _partitioner;

    public PartitionJourneyMessagesObserver(IConsumePipeConfigurator endpoint, IPartitioner partitioner)
        : base(endpoint)
    {
        _partitioner = partitioner;
        Connect(this);
    }

    public void MessageConfigured<TMessage>(IConsumePipeConfigurator configurator)
        where TMessage : class
    {
        var key = JourneyPartitionKey.For<TMessage>();
        configurator.AddPipeSpecification(new PartitionerPipeSpecification<ConsumeContext<TMessage>>(
            context => Encoding.UTF8.GetBytes(key(context.Message)), _partitioner));
    }
}

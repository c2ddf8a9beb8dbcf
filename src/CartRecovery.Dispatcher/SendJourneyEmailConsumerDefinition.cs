using System.Security.Cryptography;
using System.Text;
using CartRecovery.Contracts;
using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher;

/// <summary>The journeys' pipeline, plus one partition per customer: a customer's emails wait for each other in
/// this process instead of racing to the ledger's per-customer lock, which still decides between instances.</summary>
public sealed class SendJourneyEmailConsumerDefinition(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    : ConsumerDefinition<SendJourneyEmailConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SendJourneyEmailConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseJourneyPipeline(context, options.Value, outbox);
        var partitioner = endpointConfigurator.CreatePartitioner(options.Value.ConcurrentMessageLimit);
        consumerConfigurator.Message<SendJourneyEmail>(m => m.UsePartitioner(partitioner, c => PartitionKey(c.Message.CustomerId)));
    }

    private static Guid PartitionKey(string customerId) => new(SHA256.HashData(Encoding.UTF8.GetBytes(customerId)).AsSpan(0, 16));
}

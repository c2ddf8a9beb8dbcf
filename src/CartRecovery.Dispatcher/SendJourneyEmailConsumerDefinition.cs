using CartRecovery.Journeys;
using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher;

/// <summary>The dispatcher's own endpoint. Its pipeline partitions by customer: a customer's emails wait for each
/// other in this process instead of racing to the ledger's per-customer lock, which still decides between instances.</summary>
public sealed class SendJourneyEmailConsumerDefinition : ConsumerDefinition<SendJourneyEmailConsumer>
{
    public SendJourneyEmailConsumerDefinition(IOptions<JourneyEndpointOptions> options)
    {
        Endpoint(e => e.Name = JourneyEndpoints.EmailDispatcherQueue);
        ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
    }
}

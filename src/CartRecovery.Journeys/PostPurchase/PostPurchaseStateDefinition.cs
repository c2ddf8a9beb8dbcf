using CartRecovery.Contracts;
using CartRecovery.Journeys.Configuration;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.PostPurchase;

public sealed class PostPurchaseStateDefinition(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    : JourneyStateDefinition<PostPurchaseState>(JourneyNames.PostPurchase, options, outbox)
{
    protected override void PartitionMessages(JourneyPartitions<PostPurchaseState> partitions) =>
        partitions
            .By<OrderPlaced>(m => m.OrderId)
            .By<OrderShipped>(m => m.OrderId)
            .By<OrderDelivered>(m => m.OrderId)
            .By<OrderCancelled>(m => m.OrderId)
            .By<ReviewRequestDue>(m => m.OrderId)
            .By<CrossSellDue>(m => m.OrderId)
            .By<CancelJourney>(m => m.JourneyId);
}

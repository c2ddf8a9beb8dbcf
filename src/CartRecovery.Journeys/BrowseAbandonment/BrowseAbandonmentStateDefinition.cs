using CartRecovery.Contracts;
using CartRecovery.Journeys.Configuration;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.BrowseAbandonment;

public sealed class BrowseAbandonmentStateDefinition(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    : JourneyStateDefinition<BrowseAbandonmentState>(JourneyNames.BrowseAbandonment, options, outbox)
{
    protected override void PartitionMessages(JourneyPartitions<BrowseAbandonmentState> partitions) =>
        partitions
            .By<ProductViewed>(m => BrowseJourneyId.For(m.CustomerId, m.Sku))
            .By<CartItemAdded>(m => BrowseJourneyId.For(m.CustomerId, m.Item.Sku))
            .By<OrderPlaced>(m => BrowseJourneyId.ForOrder(m))
            .By<BrowseQuietPeriodElapsed>(m => m.JourneyId)
            .By<BrowseCooldownElapsed>(m => m.JourneyId)
            .By<CancelJourney>(m => m.JourneyId);
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.Configuration;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.CartAbandonment;

public sealed class CartAbandonmentStateDefinition(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    : JourneyStateDefinition<CartAbandonmentState>(JourneyNames.CartAbandonment, options, outbox)
{
    protected override void PartitionMessages(JourneyPartitions<CartAbandonmentState> partitions) =>
        partitions
            .By<CartItemAdded>(m => m.CartId)
            .By<CartItemRemoved>(m => m.CartId)
            .By<CheckoutStarted>(m => m.CartId)
            .By<OrderPlaced>(m => m.CartId ?? m.OrderId)
            .By<CancelJourney>(m => m.JourneyId)
            .By<CartIdleTimeoutElapsed>(m => m.CartId)
            .By<CheckoutIdleTimeoutElapsed>(m => m.CartId)
            .By<DiscountFollowUpDue>(m => m.CartId)
            .By<CartJourneyExpired>(m => m.CartId);
}

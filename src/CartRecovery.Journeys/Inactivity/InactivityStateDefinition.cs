using CartRecovery.Contracts;
using CartRecovery.Journeys.Configuration;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Inactivity;

public sealed class InactivityStateDefinition(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    : JourneyStateDefinition<InactivityState>(JourneyNames.Inactivity, options, outbox)
{
    protected override void PartitionMessages(JourneyPartitions<InactivityState> partitions) =>
        partitions
            .By<CartItemAdded>(m => InactivityJourneyId.For(m.CustomerId))
            .By<ProductViewed>(m => InactivityJourneyId.For(m.CustomerId))
            .By<OrderPlaced>(m => InactivityJourneyId.For(m.CustomerId))
            .By<EmailOpened>(m => InactivityJourneyId.For(m.CustomerId))
            .By<EmailClicked>(m => InactivityJourneyId.For(m.CustomerId))
            .By<CustomerInactivityElapsed>(m => m.JourneyId)
            .By<WinBackDue>(m => m.JourneyId)
            .By<SunsetDue>(m => m.JourneyId)
            .By<CancelJourney>(m => m.JourneyId);
}

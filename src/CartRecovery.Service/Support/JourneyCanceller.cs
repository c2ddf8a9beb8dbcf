using CartRecovery.Journeys;
using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Cancellations;
using MassTransit;

namespace CartRecovery.Service.Support;

/// <summary>
/// Ends a journey by hand. The dispatcher learns first (so no email of the journey goes out, even one already on its
/// way), then the journey's own queue gets the cancel (so it runs in order with the journey's other messages and
/// removes its timers), and emails the dispatcher deferred for it are removed, each with the reason recorded.
/// </summary>
public sealed class JourneyCanceller(
    CancelledJourneys cancelledJourneys,
    ISendEndpointProvider send,
    PendingEmailTimers pendingEmails,
    WithdrawnEmails withdrawnEmails,
    TimeProvider clock)
{
    /// <param name="becauseErased">The cancel is part of erasing the customer; withdrawn emails say so.</param>
    /// <returns>How many deferred emails were removed.</returns>
    public async Task<int> Cancel(JourneyView journey, bool becauseErased, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await cancelledJourneys.Add([journey.Id, .. journey.EmailJourneyIds], now, cancellationToken);
        // From here on the cancel is recorded: finish it even if the caller goes away.
        // Every journey reads customer-events; only the one whose instance has this id acts on it.
        var endpoint = await send.GetSendEndpoint(JourneyEndpoints.CustomerEvents);
        await endpoint.Send(new CancelJourney { JourneyId = journey.Id, RequestedAt = now }, CancellationToken.None);
        var removed = await pendingEmails.RemoveForJourneys(journey.EmailJourneyIds, CancellationToken.None);
        await withdrawnEmails.Record(removed,
            becauseErased ? ContactRules.Erased : ContactRules.Cancelled,
            becauseErased
                ? "The customer was erased while this email waited for its send time; it will not be sent."
                : "Support cancelled the journey while this email waited for its send time; it will not be sent.",
            CancellationToken.None);
        return removed.Count;
    }
}

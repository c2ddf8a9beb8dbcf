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
    /// <returns>How many deferred emails were removed.</returns>
    public async Task<int> Cancel(JourneyView journey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await cancelledJourneys.Add([journey.Id, .. journey.EmailJourneyIds], now, cancellationToken);
        var endpoint = await send.GetSendEndpoint(new Uri($"queue:{journey.Journey}"));
        await endpoint.Send(new CancelJourney { JourneyId = journey.Id, RequestedAt = now }, cancellationToken);
        var removed = await pendingEmails.RemoveForJourneys(journey.EmailJourneyIds, cancellationToken);
        await withdrawnEmails.Record(removed, ContactRules.Cancelled,
            "Support cancelled the journey while this email waited for its send time; it will not be sent.", cancellationToken);
        return removed.Count;
    }
}

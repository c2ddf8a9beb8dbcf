using CartRecovery.Contracts;
using MassTransit;

namespace CartRecovery.Service.Support;

/// <summary>Ends a journey by hand: the journey's own queue gets the cancel (so it runs in order with the journey's
/// other messages and removes its timers), and emails the dispatcher deferred for it are removed here.</summary>
public sealed class JourneyCanceller(ISendEndpointProvider send, PendingEmailTimers pendingEmails, TimeProvider clock)
{
    /// <returns>How many deferred emails were removed.</returns>
    public async Task<int> Cancel(JourneyView journey, CancellationToken cancellationToken)
    {
        var endpoint = await send.GetSendEndpoint(new Uri($"queue:{journey.Journey}"));
        await endpoint.Send(new CancelJourney { JourneyId = journey.Id, RequestedAt = clock.GetUtcNow() }, cancellationToken);
        return await pendingEmails.RemoveForJourneys(journey.EmailJourneyIds, cancellationToken);
    }
}

using System.Text.Json;
using CartRecovery.Contracts;
using CartRecovery.Scheduling;
using MassTransit.Serialization;

namespace CartRecovery.Service.Support;

/// <summary>
/// Emails the dispatcher deferred (quiet hours, a full frequency cap, a relay that was away) wait as timers holding
/// the whole request, keyed by journey and customer. Ending a journey or erasing a customer removes them, so nothing
/// goes out afterwards.
/// </summary>
public sealed class PendingEmailTimers(TimerTable timers)
{
    /// <returns>The email requests removed.</returns>
    public async Task<IReadOnlyList<SendJourneyEmail>> RemoveForCustomer(string customerId, CancellationToken cancellationToken) =>
        Emails(await timers.RemoveForCustomer(customerId, cancellationToken));

    /// <returns>The email requests removed.</returns>
    public async Task<IReadOnlyList<SendJourneyEmail>> RemoveForJourneys(IReadOnlyCollection<Guid> emailJourneyIds,
        CancellationToken cancellationToken) =>
        emailJourneyIds.Count == 0 ? [] : Emails(await timers.RemoveForJourneys([.. emailJourneyIds], cancellationToken));

    private static List<SendJourneyEmail> Emails(IReadOnlyList<ScheduledTimer> removed) =>
        [.. removed.Where(t => Type.GetType(t.MessageType) == typeof(SendJourneyEmail))
            .Select(t => JsonSerializer.Deserialize<SendJourneyEmail>(t.Body, SystemTextJsonMessageSerializer.Options)!)];
}

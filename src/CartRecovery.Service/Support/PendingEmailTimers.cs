using System.Text.Json;
using System.Text.RegularExpressions;
using CartRecovery.Contracts;
using CartRecovery.Scheduling;
using MassTransit.Serialization;
using Npgsql;
using Quartz;

namespace CartRecovery.Service.Support;

/// <summary>
/// Emails the dispatcher deferred (quiet hours, a full frequency cap) wait as Quartz timers holding the whole
/// request. Ending a journey or erasing a customer removes them, so nothing goes out afterwards.
/// </summary>
public sealed partial class PendingEmailTimers(NpgsqlDataSource dataSource, QuartzSchedulerHolder scheduler)
{
    /// <returns>The email requests removed.</returns>
    public Task<IReadOnlyList<SendJourneyEmail>> RemoveForCustomer(string customerId, CancellationToken cancellationToken) =>
        RemoveWhere([SearchHint(customerId)], email => email.CustomerId == customerId, cancellationToken);

    /// <returns>The email requests removed.</returns>
    public Task<IReadOnlyList<SendJourneyEmail>> RemoveForJourneys(IReadOnlyCollection<Guid> emailJourneyIds,
        CancellationToken cancellationToken) =>
        RemoveWhere([.. emailJourneyIds.Select(id => id.ToString("D"))], email => emailJourneyIds.Contains(email.JourneyId),
            cancellationToken);

    /// <summary>The request sits in the job data as JSON inside JSON, so its text is escaped twice over. The
    /// database narrows the search, in one query, to timers whose data contains one of the <paramref name="hints"/>;
    /// each candidate's message is then read back and matched exactly.</summary>
    private async Task<IReadOnlyList<SendJourneyEmail>> RemoveWhere(string[] hints, Func<SendJourneyEmail, bool> matches,
        CancellationToken cancellationToken)
    {
        if (hints.Length == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand("""
            SELECT trigger_name, trigger_group FROM qrtz_triggers
            WHERE position(convert_to(@type, 'UTF8') in job_data) > 0
              AND EXISTS (SELECT 1 FROM unnest(@hints) AS hint WHERE position(convert_to(hint, 'UTF8') in job_data) > 0)
            """);
        command.Parameters.AddWithValue("type", nameof(SendJourneyEmail));
        command.Parameters.AddWithValue("hints", hints);
        var candidates = new List<TriggerKey>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new TriggerKey(reader.GetString(0), reader.GetString(1)));
            }
        }

        var removed = new List<SendJourneyEmail>();
        foreach (var key in candidates)
        {
            var trigger = await scheduler.Scheduler.GetTrigger(key, cancellationToken);
            if (trigger is not null && Email(ScheduledMessageData.From(trigger.JobDataMap)) is { } email && matches(email)
                && await scheduler.Scheduler.UnscheduleJob(key, cancellationToken))
            {
                removed.Add(email);
            }
        }

        return removed;
    }

    private static SendJourneyEmail? Email(ScheduledMessageData data) =>
        Type.GetType(data.MessageType) == typeof(SendJourneyEmail)
            ? JsonSerializer.Deserialize<SendJourneyEmail>(data.Body, SystemTextJsonMessageSerializer.Options)
            : null;

    /// <summary>The longest run of characters JSON never escapes; an id made only of such characters is its own hint.</summary>
    private static string SearchHint(string value) =>
        PlainRun().Matches(value).Select(m => m.Value).DefaultIfEmpty("").MaxBy(run => run.Length)!;

    [GeneratedRegex("[A-Za-z0-9._-]+")]
    private static partial Regex PlainRun();
}

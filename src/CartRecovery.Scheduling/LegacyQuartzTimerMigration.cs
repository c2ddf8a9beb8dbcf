using CartRecovery.Journeys;
using System.Text.Json;
using MassTransit.Serialization;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>
/// Upgrade path: timers that an earlier version kept as Quartz triggers move into the timer table once, at start,
/// before anything fires; each keeps its token, message id, due time and headers, so sagas still recognise it.
/// Idempotent: a row already moved is not written twice, and the trigger is removed only after its row exists.
/// </summary>
public sealed class LegacyQuartzTimerMigration(TimerTable table)
{
    /// <returns>How many timers were moved.</returns>
    public async Task<int> Move(IScheduler scheduler, TimerSubject subject, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(TimerKeys.Group), cancellationToken))
        {
            if (await scheduler.GetTrigger(key, cancellationToken) is not { } trigger || trigger.NextFireTimeUtc is not { } due)
            {
                continue;
            }

            var data = ScheduledMessageData.From(trigger.JobDataMap);
            var (journeyId, customerId) = Subject(data, subject);
            var writes = new TimerWriteBuffer();
            writes.Inserts.Add(new ScheduledTimer
            {
                TokenId = data.TokenId,
                DueAt = due,
                ScheduledFor = data.ScheduledAt,
                Destination = LegacyEventQueues.Redirect(data.Destination),
                MessageType = data.MessageType,
                Body = data.Body,
                MessageId = data.MessageId,
                ConversationId = data.ConversationId,
                Headers = data.Headers,
                JourneyId = journeyId,
                CustomerId = customerId,
                IsRedelivery = trigger.Description == TimerKeys.RedeliveryDescription,
            });
            await table.Write(writes, null, null, cancellationToken);
            await scheduler.UnscheduleJob(key, cancellationToken);
            moved++;
        }

        await scheduler.DeleteJob(TimerKeys.SendJob, cancellationToken);
        return moved;
    }

    private static (Guid?, string?) Subject(ScheduledMessageData data, TimerSubject subject)
    {
        try
        {
            return Type.GetType(data.MessageType) is { } type
                && JsonSerializer.Deserialize(data.Body, type, SystemTextJsonMessageSerializer.Options) is { } message
                ? subject(message)
                : (null, null);
        }
        catch (JsonException)
        {
            // An unreadable message still moves; the poller sends it to the dead-timer table with the reason.
            return (null, null);
        }
    }
}

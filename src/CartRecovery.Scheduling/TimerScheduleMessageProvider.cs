using CartRecovery.Journeys.Configuration;
using System.Globalization;
using System.Text.Json;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using MassTransit.Serialization;

namespace CartRecovery.Scheduling;

/// <summary>
/// MassTransit's <c>Schedule</c>/<c>Unschedule</c> (and scheduled redelivery) as rows of the timer table: an upsert
/// and a delete in the message's own transaction when one is open, so no shared lock and no broker round trip sits
/// in a message's commit; on a connection of their own otherwise.
/// </summary>
public sealed class TimerScheduleMessageProvider(TimerTable table, TimerSubject subject, ConsumeContext? consumeContext)
    : IScheduleMessageProvider
{
    public async Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message,
        IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class
    {
        var tokenId = NewId.NextGuid();
        var send = new MessageSendContext<T>(message, cancellationToken);
        // The caller's pipe sets what the fired message must carry: its id, conversation and headers (a redelivery's
        // count and the original's headers among them).
        await pipe.Send(send);
        var dueAt = new DateTimeOffset(DateTime.SpecifyKind(scheduledTime.ToUniversalTime(), DateTimeKind.Utc));
        var headers = send.Headers.GetAll()
            .Where(h => h.Value is not null && h.Key != MessageHeaders.SchedulingTokenId)
            .ToDictionary(h => h.Key, h => Convert.ToString(h.Value, CultureInfo.InvariantCulture)!);
        if (consumeContext?.TryGetPayload<JourneyPartition>(out var partition) == true && partition.Key.Length > 0)
        {
            headers.TryAdd(JourneyPartition.HeaderName, partition.Key);
        }

        var (journeyId, customerId) = subject(message);
        var timer = new ScheduledTimer
        {
            TokenId = tokenId,
            DueAt = dueAt,
            ScheduledFor = dueAt,
            Destination = destinationAddress,
            MessageType = $"{typeof(T).FullName}, {typeof(T).Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, SystemTextJsonMessageSerializer.Options),
            MessageId = send.MessageId ?? NewId.NextGuid(),
            ConversationId = send.ConversationId ?? consumeContext?.ConversationId,
            Headers = headers,
            JourneyId = journeyId,
            CustomerId = customerId,
            IsRedelivery = headers.ContainsKey(MessageHeaders.RedeliveryCount),
        };

        await Write(buffer => buffer.Inserts.Add(timer), cancellationToken);
        return new ScheduledMessageHandle<T>(tokenId, dueAt.UtcDateTime, destinationAddress, message);
    }

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) =>
        Write(buffer => buffer.Deletes.Add(tokenId), cancellationToken);

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
        CancelScheduledSend(tokenId, cancellationToken);

    /// <summary>Inside a message transaction the write joins its commit; outside one it happens now.</summary>
    private async Task Write(Action<TimerWriteBuffer> add, CancellationToken cancellationToken)
    {
        if (TimerWriteBuffer.Current is { } buffer && buffer.TryAdd(add))
        {
            return;
        }

        var now = new TimerWriteBuffer();
        add(now);
        await table.Write(now, null, null, cancellationToken);
    }
}

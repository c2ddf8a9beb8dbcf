using System.Globalization;
using System.Text.Json;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using MassTransit.Serialization;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>
/// MassTransit's <c>Schedule</c>/<c>Unschedule</c> written straight into the Quartz job store, in the caller's
/// transaction when one is enlisted. No broker round trip and no scheduler queue: the trigger exists exactly when
/// the saga state that expects it does.
/// </summary>
public sealed class QuartzScheduleMessageProvider(
    IScheduler scheduler,
    ConsumeContext? consumeContext,
    SchedulerOptions options)
    : IScheduleMessageProvider
{
    public async Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message,
        IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class
    {
        var tokenId = NewId.NextGuid();
        var send = await Capture(message, pipe, cancellationToken);
        var scheduledAt = new DateTimeOffset(DateTime.SpecifyKind(scheduledTime.ToUniversalTime(), DateTimeKind.Utc));
        var messageType = typeof(T);
        var data = new ScheduledMessageData
        {
            Destination = destinationAddress,
            MessageType = $"{messageType.FullName}, {messageType.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, SystemTextJsonMessageSerializer.Options),
            MessageId = send.MessageId ?? NewId.NextGuid(),
            TokenId = tokenId,
            ConversationId = send.ConversationId ?? consumeContext?.ConversationId,
            ScheduledAt = scheduledAt,
            Headers = send.Headers.GetAll()
                .Where(h => h.Value is not null && h.Key != MessageHeaders.SchedulingTokenId)
                .ToDictionary(h => h.Key, h => Convert.ToString(h.Value, CultureInfo.InvariantCulture)!),
        };
        var isRedelivery = data.Headers.ContainsKey(MessageHeaders.RedeliveryCount);

        var trigger = TriggerBuilder.Create()
            .WithIdentity(TimerKeys.For(tokenId))
            .ForJob(TimerKeys.SendJob)
            .StartAt(scheduledAt)
            .WithDescription(isRedelivery ? TimerKeys.RedeliveryDescription : null)
            .UsingJobData(data.ToJobData())
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .WithRetryPolicy(RetryPolicy.Exponential(int.MaxValue, options.FirstRetryDelay, 2, options.MaxRetryDelay))
            .Build();

        await Write(ct => DiscardResult(scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, ct)), cancellationToken);
        return new ScheduledMessageHandle<T>(tokenId, scheduledAt.UtcDateTime, destinationAddress, message);
    }

    /// <summary>Runs the caller's send pipe on a stand-in context to keep what it sets: message id, conversation and
    /// headers (MassTransit's redelivery sets its count and copies the original's headers this way).</summary>
    private static async Task<SendContext<T>> Capture<T>(T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class
    {
        var send = new MessageSendContext<T>(message, cancellationToken);
        await pipe.Send(send);
        return send;
    }

    public async Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) =>
        await Write(ct => DiscardResult(scheduler.UnscheduleJob(TimerKeys.For(tokenId), ct)), cancellationToken);

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
        CancelScheduledSend(tokenId, cancellationToken);

    /// <summary>Inside a message transaction the write waits for its commit; outside one it happens now.</summary>
    private static ValueTask Write(Func<CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        if (TimerWriteBuffer.Current is { } buffer)
        {
            buffer.Add(write);
            return ValueTask.CompletedTask;
        }

        return write(cancellationToken);
    }

    private static async ValueTask DiscardResult<TResult>(ValueTask<TResult> operation) => await operation;

    public static QuartzScheduleMessageProvider For(QuartzSchedulerHolder holder, ConsumeContext context, IOptions<SchedulerOptions> options) =>
        new(holder.Scheduler, context, options.Value);
}

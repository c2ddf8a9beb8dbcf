using System.Text.Json;
using CartRecovery.Journeys.Telemetry;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>
/// Sends a due timer's message with the id fixed at scheduling time and the schedule token header, so a saga
/// ignores a timer it no longer expects and the inbox drops a refire. A failed send (broker down) throws; the
/// trigger's retry policy tries again with backoff for as long as it takes, so no timer is ever dropped.
/// </summary>
public sealed partial class SendScheduledMessageJob(
    IBus bus,
    IOptions<SchedulerOptions> options,
    CartRecoveryMetrics metrics,
    TimeProvider clock,
    ILogger<SendScheduledMessageJob> logger)
    : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = ScheduledMessageData.From(context.MergedJobDataMap);
        var messageType = Type.GetType(data.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(data.Body, messageType, SystemTextJsonMessageSerializer.Options)
            ?? throw new InvalidOperationException($"Timer {data.TokenId} holds an empty {messageType.Name}.");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        try
        {
            // While the broker is away MassTransit waits for its connection; the timeout turns that wait into a
            // failed firing, which frees the thread and lets the retry policy take over.
            var endpoint = await bus.GetSendEndpoint(data.Destination).WaitAsync(timeout.Token);
            await endpoint.Send(message, messageType, send =>
            {
                send.MessageId = data.MessageId;
                send.ConversationId = data.ConversationId;
                foreach (var (key, value) in data.Headers)
                {
                    send.Headers.Set(key, value);
                }

                send.Headers.Set(MessageHeaders.SchedulingTokenId, data.TokenId.ToString("D"));
                send.Headers.Set(TimerHeaders.ScheduledAt, data.ScheduledAt.ToString("O"));
            }, timeout.Token).WaitAsync(timeout.Token);
            metrics.TimerFired(clock.GetUtcNow() - data.ScheduledAt);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Quartz takes a cancellation for an interrupted job and would complete the trigger: report a failure
            // instead, so the retry policy keeps the timer.
            LogSendFailed(messageType.Name, data.TokenId, context.RetryAttempt, ex.GetType().Name, ex.Message);
            throw new TimeoutException($"The broker did not take timer {data.TokenId} within {options.Value.SendTimeout}.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(messageType.Name, data.TokenId, context.RetryAttempt, ex.GetType().Name, ex.Message);
            throw;
        }
    }

    // No stack trace: an unreachable broker is expected and retried with backoff; a trace per attempt would flood the log.
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Timer {TokenId} could not send {MessageType} (attempt {Attempt}: {ErrorType} {Error}); it will be retried")]
    private partial void LogSendFailed(string messageType, Guid tokenId, int attempt, string errorType, string error);
}

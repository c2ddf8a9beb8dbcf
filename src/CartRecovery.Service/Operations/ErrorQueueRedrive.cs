using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CartRecovery.Service.Operations;

/// <summary>
/// Moves messages from a MassTransit error queue (<c>q_error</c>) back to the queue they failed on, for the day the
/// bug is fixed. Each message is republished with publisher confirms before its error-queue copy is acked, so a
/// crash in between leaves it in both queues, never in neither; the inbox, keyed by message id, drops the copy.
/// </summary>
public sealed partial class ErrorQueueRedrive(Uri rabbitMq, ILogger<ErrorQueueRedrive> logger)
{
    public const string ErrorQueueSuffix = "_error";

    public async Task<RedriveResult> RunAsync(RedriveRequest request, CancellationToken cancellationToken)
    {
        var errorQueue = request.ErrorQueue;
        if (!errorQueue.EndsWith(ErrorQueueSuffix, StringComparison.Ordinal) || errorQueue.Length == ErrorQueueSuffix.Length)
        {
            throw new RedriveRefusedException(
                $"'{errorQueue}' is not an error queue: MassTransit moves what fails on queue q to 'q{ErrorQueueSuffix}'; name that queue.");
        }

        if (request.Limit is < 1)
        {
            throw new RedriveRefusedException("The limit must be 1 message or more.");
        }

        var sourceQueue = errorQueue[..^ErrorQueueSuffix.Length];
        var factory = new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "cartrecovery-redrive" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var waiting = await ReadyCount(connection, errorQueue, cancellationToken)
            ?? throw new RedriveRefusedException($"Queue '{errorQueue}' does not exist on the broker at {rabbitMq.Host}:{rabbitMq.Port}.");

        // Bounded by what waited at the start: a message that fails again goes back to the end of the error queue
        // and must not be taken a second time in the same run.
        var take = Math.Min(waiting, request.Limit ?? int.MaxValue);
        var messages = new List<ErrorQueueMessage>(take);
        var destinations = new HashSet<string>(StringComparer.Ordinal);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);

        ulong lastDeliveryTag = 0;
        try
        {
            while (messages.Count < take && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery)
            {
                var message = ErrorQueueMessage.From(delivery, sourceQueue);
                if (destinations.Add(message.DestinationQueue) && await ReadyCount(connection, message.DestinationQueue, cancellationToken) is null)
                {
                    throw new RedriveRefusedException(
                        $"Message {message.MessageId} would go back to queue '{message.DestinationQueue}', which does not exist. Stopped there; " +
                        (request.DryRun ? "nothing was moved." : $"{messages.Count} moved before it."));
                }

                if (request.DryRun)
                {
                    messages.Add(message);
                    lastDeliveryTag = delivery.DeliveryTag;
                    LogWouldMove(message.MessageId, message.MessageType, message.DestinationQueue, message.Reason, message.ExceptionType, message.FaultMessage);
                    continue;
                }

                await channel.BasicPublishAsync("", message.DestinationQueue, mandatory: true,
                    delivery.BasicProperties.WithoutFaultHeaders(), delivery.Body, cancellationToken);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
                messages.Add(message);
                LogMoved(message.MessageId, message.MessageType, message.DestinationQueue);
            }
        }
        catch (Exception ex) when (!request.DryRun && ex is not RedriveRefusedException)
        {
            // The message in hand was not acked, so closing the channel returns it to the error queue.
            LogStopped(ex, messages.Count, waiting, errorQueue);
            throw;
        }

        var result = new RedriveResult(errorQueue, request.DryRun, waiting, messages);
        var to = messages.Count == 0 ? sourceQueue : string.Join(", ", destinations);
        if (request.DryRun)
        {
            if (lastDeliveryTag != 0)
            {
                await channel.BasicNackAsync(lastDeliveryTag, multiple: true, requeue: true, cancellationToken);
            }

            LogWouldMoveSummary(messages.Count, waiting, errorQueue, to);
        }
        else
        {
            LogMovedSummary(messages.Count, waiting, errorQueue, to);
        }

        return result;
    }

    /// <summary>Ready messages in a queue, or null when it does not exist (asked on a channel of its own, because
    /// the broker closes the channel that asked about a missing queue).</summary>
    private static async Task<int?> ReadyCount(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return (int)Math.Min(ok.MessageCount, int.MaxValue);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Would move {MessageId} ({MessageType}) to {Queue}; {Reason}: {ExceptionType}: {FaultMessage}")]
    private partial void LogWouldMove(string? messageId, string? messageType, string queue, string? reason, string? exceptionType, string? faultMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {MessageId} ({MessageType}) to {Queue}")]
    private partial void LogMoved(string? messageId, string? messageType, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-drive stopped after moving {Count} of {Waiting} messages from {ErrorQueue}; the rest are still there")]
    private partial void LogStopped(Exception exception, int count, int waiting, string errorQueue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Would move {Count} of {Waiting} messages from {ErrorQueue} to {Queue} (dry run: nothing moved)")]
    private partial void LogWouldMoveSummary(int count, int waiting, string errorQueue, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} of {Waiting} messages from {ErrorQueue} to {Queue}")]
    private partial void LogMovedSummary(int count, int waiting, string errorQueue, string queue);
}

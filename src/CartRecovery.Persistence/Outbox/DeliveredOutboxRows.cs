using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CartRecovery.Persistence.Outbox;

/// <summary>
/// Forgets messages whose outbox rows the broker confirmed: deletes the rows and marks the inbox row delivered,
/// outside the message's transaction. Messages that ask while a write is running share the next one: one statement
/// batch and one commit for all of them, where each used to take a round trip and a commit of its own (half of all
/// commits under load). A write gathers what arrives within 100 ms. A write that fails, or one
/// lost with the process, leaves the rows to <see cref="UndeliveredOutboxSweeper"/>, which sends them once more
/// under the same message ids for the consumers' inboxes to drop.
/// </summary>
public sealed partial class DeliveredOutboxRows(NpgsqlDataSource dataSource, ILogger<DeliveredOutboxRows> logger) : IAsyncDisposable
{
    private const int MaxMessagesPerWrite = 256;

    // Nobody waits for a forget (the sweeper only looks at rows a minute old), so waiting to gather more of them into
    // one commit costs no one anything; a crash loses at most this much of them to the sweeper's second send.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);

    /// <summary>Forgets one delivered message: its outbox rows go and its inbox row is marked delivered.</summary>
    public const string ForgetSql = """
        WITH sent AS (DELETE FROM outbox_message WHERE inbox_message_id = $2 AND inbox_consumer_id = $3)
        UPDATE inbox_state SET delivered = $1 WHERE message_id = $2 AND consumer_id = $3
        """;

    private readonly Channel<DeliveredMessage> _delivered = Channel.CreateUnbounded<DeliveredMessage>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock _gate = new();
    private Task? _writer;

    public void Forget(Guid inboxMessageId, Guid inboxConsumerId, DateTimeOffset deliveredAt)
    {
        if (!_delivered.Writer.TryWrite(new DeliveredMessage(inboxMessageId, inboxConsumerId, deliveredAt)))
        {
            return;
        }

        lock (_gate)
        {
            if (_writer is null)
            {
                // The writer outlives the message that starts it; it must not carry that message's trace or scope.
                using (ExecutionContext.SuppressFlow())
                {
                    _writer = Task.Run(WriteUntilCompleted);
                }
            }
        }
    }

    /// <summary>Writes what is still waiting before the data source goes.</summary>
    public async ValueTask DisposeAsync()
    {
        _delivered.Writer.TryComplete();
        Task? writer;
        lock (_gate)
        {
            writer = _writer;
        }

        if (writer is not null)
        {
            await writer;
        }
    }

    private async Task WriteUntilCompleted()
    {
        var batch = new List<DeliveredMessage>(MaxMessagesPerWrite);
        while (await _delivered.Reader.WaitToReadAsync())
        {
            if (!_delivered.Reader.Completion.IsCompleted)
            {
                await Task.Delay(Gather);
            }

            while (batch.Count < MaxMessagesPerWrite && _delivered.Reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            try
            {
                await Write(batch);
            }
            catch (Exception exception)
            {
                LogForgetDeferred(exception, batch.Count, exception.GetType().Name);
            }

            batch.Clear();
        }
    }

    // One statement per message (the delete rides in the update), one round trip and one commit for all: a statement
    // that joins a list of keys gets a cached plan made while the tables were small, a sequential scan of the whole
    // inbox it would keep.
    private async Task Write(List<DeliveredMessage> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        // No transaction object: a batch runs as one implicit transaction, committed with its one round trip.
        await using var command = new NpgsqlBatch(connection);
        foreach (var message in batch)
        {
            command.BatchCommands.Add(new NpgsqlBatchCommand(ForgetSql)
            {
                Parameters =
                {
                    new NpgsqlParameter<DateTimeOffset> { TypedValue = message.DeliveredAt },
                    new NpgsqlParameter<Guid> { TypedValue = message.InboxMessageId },
                    new NpgsqlParameter<Guid> { TypedValue = message.InboxConsumerId },
                },
            });
        }

        await command.ExecuteNonQueryAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Count} delivered messages as delivered ({ErrorType}); the outbox sweeper sends them once more and their consumers' inboxes drop the copies")]
    private partial void LogForgetDeferred(Exception exception, int count, string errorType);

    private readonly record struct DeliveredMessage(Guid InboxMessageId, Guid InboxConsumerId, DateTimeOffset DeliveredAt);
}

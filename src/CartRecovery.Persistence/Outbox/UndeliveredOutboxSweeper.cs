using System.Data;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Persistence.Outbox;

/// <summary>
/// Delivers messages that were committed with their event but never sent: the instance died between commit and
/// send, or the broker refused and the event was acknowledged elsewhere. Rows older than
/// <see cref="OutboxOptions.SweepAfter"/> are claimed with <c>SKIP LOCKED</c> (an attempt still running holds its
/// inbox row), sent with broker confirms under their original message id, then forgotten.
/// </summary>
public sealed partial class UndeliveredOutboxSweeper(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<UndeliveredOutboxSweeper> logger)
{
    private const string ClaimSql = """
        SELECT * FROM inbox_state
        WHERE delivered IS NULL AND consumed IS NOT NULL AND consumed < {0}
        ORDER BY consumed
        LIMIT {1}
        FOR UPDATE SKIP LOCKED
        """;

    /// <summary>Sends one batch; returns how many consumed messages it finished.</summary>
    public async Task<int> Sweep(ISendEndpointProvider sendEndpoints, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<JourneyDbContext>();
        await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var now = clock.GetUtcNow();
        var inboxes = await dbContext.InboxStates
            .FromSqlRaw(ClaimSql, now - options.Value.SweepAfter, options.Value.SweepBatchSize)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var inbox in inboxes)
        {
            var rows = await dbContext.OutboxMessages.AsNoTracking()
                .Where(m => m.InboxMessageId == inbox.MessageId && m.InboxConsumerId == inbox.ConsumerId
                    && m.SequenceNumber > (inbox.LastSequenceNumber ?? 0))
                .OrderBy(m => m.SequenceNumber)
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var message = new StoredOutboxMessage(row, SystemTextJsonMessageSerializer.Instance);
                var endpoint = await sendEndpoints.GetSendEndpoint(message.DestinationAddress!);
                // Bounded, so a broker that never confirms cannot hold the claimed inbox rows (and a redelivered copy
                // of their messages waiting on them) until it returns; the rows wait for the next sweep instead.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.MessageDeliveryTimeout);
                await endpoint.Send(new SerializedMessageBody(), new OutboxMessageSendPipe(message, message.DestinationAddress), timeout.Token);
                sent++;
            }

            await dbContext.OutboxMessages
                .Where(m => m.InboxMessageId == inbox.MessageId && m.InboxConsumerId == inbox.ConsumerId)
                .ExecuteDeleteAsync(cancellationToken);
            inbox.Delivered = now;
        }

        await dbContext.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (sent > 0)
        {
            LogSwept(logger, sent, inboxes.Count);
        }

        return inboxes.Count;
    }

    /// <summary>Messages committed and not yet delivered, for the gauge.</summary>
    public long CountWaiting()
    {
        using var command = dataSource.CreateCommand("SELECT count(*) FROM outbox_message");
        command.CommandTimeout = 2;
        return (long)command.ExecuteScalar()!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivered {Sent} committed messages of {Messages} consumed messages whose delivery had not happened")]
    private static partial void LogSwept(ILogger logger, int sent, int messages);
}

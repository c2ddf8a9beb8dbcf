using System.Data;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CartRecovery.Persistence.Outbox;

/// <summary>
/// Runs the inbox/outbox for one message in one READ COMMITTED transaction that holds the inbox row's lock: every
/// saga and consumer of the message, its outgoing messages, its timers and the "consumed" mark commit together.
/// What the message sent is then delivered straight away (with broker confirms) and forgotten in one more
/// statement. A redelivery finds the inbox row and resumes where the last attempt stopped: it delivers what a
/// crash left behind instead of consuming again; so does <see cref="UndeliveredOutboxSweeper"/> for rows whose
/// message is gone.
/// </summary>
public sealed class PostgresOutboxContextFactory(
    JourneyDbContext dbContext,
    IEnumerable<IJourneyTransactionParticipant> participants,
    TransactionAfterCommit afterCommit,
    IServiceProvider provider,
    TimeProvider clock)
    : IOutboxContextFactory<JourneyDbContext>
{
    // Insert-if-missing and lock in one statement: a concurrent first delivery waits on the row.
    private const string LockInboxSql = """
        INSERT INTO inbox_state AS i (message_id, consumer_id, lock_id, received, receive_count, expiration_time)
        VALUES ({0}, {1}, {2}, {3}, 1, {4})
        ON CONFLICT (message_id, consumer_id) DO UPDATE
            SET receive_count = i.receive_count + {5}, lock_id = excluded.lock_id
        RETURNING i.*
        """;

    private readonly IJourneyTransactionParticipant[] _participants = [.. participants];

    public async Task Send<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next)
        where T : class
    {
        var messageId = context.GetOriginalMessageId()
            ?? throw new MessageException(typeof(T), "The inbox needs a MessageId to recognise redeliveries.");
        var countThisDelivery = true;

        while (true)
        {
            dbContext.ChangeTracker.Clear();
            PostgresOutboxConsumeContext<T> outboxContext;
            await using (var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken))
            {
                var enlistments = Enlist(transaction);
                try
                {
                    var inbox = await LockInbox(messageId, options.ConsumerId, countThisDelivery, context);
                    countThisDelivery = false;
                    outboxContext = new PostgresOutboxConsumeContext<T>(context, options, provider, dbContext, inbox, clock);
                    await next.Send(outboxContext);
                    await dbContext.SaveChangesAsync(context.CancellationToken);
                    foreach (var enlistment in enlistments)
                    {
                        await enlistment.BeforeCommit(context.CancellationToken);
                    }

                    await transaction.CommitAsync(context.CancellationToken);
                }
                catch
                {
                    afterCommit.RolledBack();
                    await transaction.RollbackAsync(CancellationToken.None);
                    dbContext.ChangeTracker.Clear();
                    throw;
                }
                finally
                {
                    // Enlisted writers learn of the outcome only now, after commit or rollback.
                    foreach (var enlistment in enlistments)
                    {
                        enlistment.Dispose();
                    }
                }
            }

            afterCommit.Committed();
            if (outboxContext.ConsumedNow)
            {
                // The usual path ends here: nothing sent, or what was sent goes out now, without another transaction.
                await DeliverAndForget(context, outboxContext, options);
                return;
            }

            if (!outboxContext.ContinueProcessing)
            {
                return;
            }
        }
    }

    public void Probe(ProbeContext context) => context.CreateScope("outbox").Add("persistence", "postgresql");

    private async Task DeliverAndForget<T>(ConsumeContext<T> context, PostgresOutboxConsumeContext<T> outboxContext, OutboxConsumeOptions options)
        where T : class
    {
        if (outboxContext.Added.Count == 0)
        {
            return;
        }

        foreach (var row in outboxContext.Added)
        {
            var message = new StoredOutboxMessage(row, outboxContext.SerializerContext);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            timeout.CancelAfter(options.MessageDeliveryTimeout);
            var endpoint = await context.GetSendEndpoint(message.DestinationAddress!);
            await endpoint.Send(new SerializedMessageBody(), new OutboxMessageSendPipe(message, message.DestinationAddress), timeout.Token);
        }

        await OutboxRows.Forget(dbContext, outboxContext.Inbox, clock.GetUtcNow(), context.CancellationToken);
    }

    private async Task<InboxState> LockInbox<T>(Guid messageId, Guid consumerId, bool countThisDelivery, ConsumeContext<T> context)
        where T : class
    {
        var expiration = new NpgsqlParameter<DateTime?>("expiration", NpgsqlDbType.TimestampTz)
        {
            TypedValue = context.ExpirationTime is { } expires ? DateTime.SpecifyKind(expires, DateTimeKind.Utc) : null,
        };
        var rows = await dbContext.InboxStates
            .FromSqlRaw(LockInboxSql, messageId, consumerId, NewId.NextGuid(), clock.GetUtcNow(), expiration, countThisDelivery ? 1 : 0)
            .AsTracking()
            .ToListAsync(context.CancellationToken);
        return rows[0];
    }

    private List<IJourneyTransactionEnlistment> Enlist(IDbContextTransaction transaction)
    {
        var dbTransaction = transaction.GetDbTransaction();
        return [.. _participants.Select(p => p.Enlist(dbTransaction))];
    }
}

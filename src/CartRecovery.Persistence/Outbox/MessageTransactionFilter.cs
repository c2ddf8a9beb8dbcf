using System.Data;
using CartRecovery.Persistence.Rows;
using CartRecovery.Persistence.Sagas;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CartRecovery.Persistence.Outbox;

/// <summary>
/// One READ COMMITTED transaction per received message, around all of the endpoint's consumers and sagas: the inbox
/// row, every journey's row, the projections, the outgoing messages and the timers commit together, once. Where
/// every effect of the endpoint's consumers is inside the transaction (<see cref="InboxCheck.AtCommit"/>), a first
/// delivery writes its inbox row with the other writes, and a duplicate finds out there, rolls back and is handled as
/// a redelivery; otherwise, and for a message the broker marks redelivered, the inbox row is inserted and locked
/// before any consumer runs. What the message sent is delivered straight after the commit (with broker confirms)
/// and forgotten in one more statement. A redelivery of a consumed message runs no consumer again: it delivers what an
/// earlier attempt left behind, as <see cref="UndeliveredOutboxSweeper"/> does for messages that never come back.
/// A delivery that fails or is not confirmed within <see cref="OutboxOptions.MessageDeliveryTimeout"/> does not fail
/// the message: it is consumed, and its sends wait in the outbox for the sweeper.
/// </summary>
public sealed partial class MessageTransactionFilter(IServiceProvider services, Guid consumerId, OutboxOptions options, InboxCheck inboxCheck)
    : IFilter<ConsumeContext>
{
    private readonly ILogger _logger = services.GetRequiredService<ILogger<MessageTransactionFilter>>();
    private readonly JourneyRowPrefetch _prefetch = services.GetRequiredService<JourneyRowPrefetch>();

    // Insert-if-missing and lock in one statement: a concurrent first delivery waits on the row.
    private const string LockInboxSql = """
        INSERT INTO inbox_state AS i (message_id, consumer_id, lock_id, received, receive_count, expiration_time)
        VALUES ($1, $2, $3, $4, 1, $5)
        ON CONFLICT (message_id, consumer_id) DO UPDATE
            SET receive_count = i.receive_count + 1, lock_id = excluded.lock_id
        RETURNING
        """;

    private static readonly string MarkInboxSql = RowMapping<InboxState>.ExactlyOne("UPDATE inbox_state SET consumed = $2, delivered = $3 WHERE id = $1");

    private const string InboxUniqueKey = "ux_inbox_state_message_consumer";

    private readonly DeliveredOutboxRows _delivered = services.GetRequiredService<DeliveredOutboxRows>();

    private readonly TransactionGroups? _groups = inboxCheck == InboxCheck.AtCommit && options.MaxMessagesPerTransaction > 1
        ? new TransactionGroups(services.GetRequiredService<NpgsqlDataSource>(), options.MaxMessagesPerTransaction)
        : null;

    private string? _lockInboxReturningRow;

    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        // Any message that may have been consumed before is checked first: one the broker redelivers, and one that
        // comes back after a failed attempt, which may have failed in a consumer before a commit-time check could see it.
        var lockInboxFirst = inboxCheck == InboxCheck.BeforeConsumers || context.ReceiveContext.Redelivered
            || context.GetRetryAttempt() > 0 || context.GetRedeliveryCount() > 0;
        try
        {
            await Pass(context, next, lockInboxFirst);
        }
        catch (MessageConsumedBeforeException) when (!lockInboxFirst)
        {
            // Another delivery of this message committed first; this pass rolled back. The locked pass delivers what
            // that one left behind and consumes nothing again.
            await Pass(context, next, lockInboxFirst: true);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("message-transaction");

    private async Task Pass(ConsumeContext context, IPipe<ConsumeContext> next, bool lockInboxFirst)
    {
        var messageId = context.GetOriginalMessageId() ?? context.MessageId
            ?? throw new InvalidOperationException("The inbox needs a MessageId to recognise redeliveries.");
        await using var ownScope = context.TryGetPayload<IServiceScope>(out _) ? (AsyncServiceScope?)null : services.CreateAsyncScope();
        var scope = ownScope ?? context.GetPayload<IServiceScope>();
        var provider = scope.ServiceProvider;
        var dbContext = provider.GetRequiredService<JourneyDbContext>();
        // An earlier attempt of this message may have left tracked entities behind.
        dbContext.ChangeTracker.Clear();
        var pass = new MessagePass(
            context, messageId, scope, dbContext,
            provider.GetRequiredService<TransactionAfterCommit>(),
            provider.GetRequiredService<PendingRowWrites>(),
            provider.GetRequiredService<PrefetchedJourneyRows>(),
            provider.GetRequiredService<MessageConnection>(),
            provider.GetRequiredService<TimeProvider>());
        pass.RowWrites.Clear();
        pass.Prefetched.Clear();

        // A first delivery on an endpoint whose every effect is inside the transaction may share one with other messages.
        var (transactional, consumedBefore) = _groups is not null && !lockInboxFirst
            ? await ConsumeInGroup(pass, next, _groups)
            : await ConsumeAlone(pass, next, lockInboxFirst);

        pass.AfterCommit.Committed();
        if (!consumedBefore && transactional.Added.Count > 0)
        {
            if (!await TryDeliver(context, messageId, transactional.Added, transactional.SerializerContext))
            {
                return;
            }

            // Not awaited: a write that fails leaves the rows to the sweeper, which is what a failed forget always meant.
            _delivered.Forget(transactional.Added[0].InboxMessageId, transactional.Added[0].InboxConsumerId, pass.Clock.GetUtcNow());
        }
    }

    private async Task<(TransactionalConsumeContext Transactional, bool ConsumedBefore)> ConsumeAlone(
        MessagePass pass, IPipe<ConsumeContext> next, bool lockInboxFirst)
    {
        var (context, messageId, scope, dbContext, afterCommit, rowWrites, prefetched, messageConnection, clock) = pass;
        TransactionalConsumeContext transactional;
        bool consumedBefore;
        await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);
        var enlistments = Enlist(scope.ServiceProvider, transaction.GetDbTransaction());
        try
        {
            var connection = (NpgsqlConnection)dbContext.Database.GetDbConnection();
            var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
            messageConnection.Use(connection, npgsqlTransaction);
            if (inboxCheck == InboxCheck.AtCommit)
            {
                // Every journey row the message concerns, loaded and locked in one round trip (with the BEGIN), and
                // before the inbox row on both paths, so a redelivery and a copy in flight lock in the same order.
                await prefetched.Load(dbContext, connection, npgsqlTransaction, _prefetch.RowsFor(context), context.CancellationToken);
            }

            var inbox = lockInboxFirst
                ? await LockInbox(dbContext, connection, npgsqlTransaction, messageId, context, clock)
                : NewInboxRow(messageId, context, clock);
            consumedBefore = inbox.Consumed is not null;

            var deliveredBefore = inbox.Delivered;
            using var turn = new ConsumerTurn { ConsumedBefore = consumedBefore };
            transactional = new TransactionalConsumeContext(context, dbContext, rowWrites, inbox, scope, turn, clock);
            if (consumedBefore)
            {
                // Through the message itself, not the transactional view, which would only store them again.
                await DeliverLeftBehind(context, dbContext, inbox, clock);
            }

            await next.Send(transactional);
            MarkConsumed(inbox, transactional, consumedBefore, clock);

            NpgsqlBatchCommand? inboxInsert = null;
            if (!lockInboxFirst)
            {
                // First in the batch: the outbox rows reference it.
                inboxInsert = InsertInbox(dbContext, inbox);
                rowWrites.AddFirst(inboxInsert);
            }
            else if (!consumedBefore || inbox.Delivered != deliveredBefore)
            {
                rowWrites.AddExactlyOne(MarkInbox(inbox), "the inbox row");
            }

            // Only what the consumers changed through EF (projections); journeys, the outbox and the inbox mark are
            // plain statements in the one batch below.
            if (dbContext.ChangeTracker.HasChanges())
            {
                await dbContext.SaveChangesAsync(context.CancellationToken);
            }

            foreach (var enlistment in enlistments)
            {
                enlistment.BeforeCommit(rowWrites);
            }

            try
            {
                // The writes and the COMMIT in one round trip.
                await rowWrites.Flush(connection, npgsqlTransaction, commit: true, context.CancellationToken);
            }
            catch (PostgresException exception) when (inboxInsert is not null && IsInboxCollision(exception))
            {
                throw new MessageConsumedBeforeException(exception);
            }
        }
        catch
        {
            afterCommit.RolledBack();
            rowWrites.Clear();
            prefetched.Clear();
            await RollBack(transaction);
            throw;
        }
        finally
        {
            messageConnection.Clear();
            // Enlisted writers learn of the outcome only now, after commit or rollback.
            foreach (var enlistment in enlistments)
            {
                enlistment.Dispose();
            }
        }

        return (transactional, consumedBefore);
    }

    private async Task<(TransactionalConsumeContext Transactional, bool ConsumedBefore)> ConsumeInGroup(
        MessagePass pass, IPipe<ConsumeContext> next, TransactionGroups groups)
    {
        var (context, messageId, scope, dbContext, afterCommit, rowWrites, prefetched, messageConnection, clock) = pass;
        TransactionGroup group;
        try
        {
            group = await groups.Join(new TransactionGroupMember(_prefetch.RowsFor(context), prefetched, dbContext));
        }
        catch (Exception exception)
        {
            prefetched.Clear();
            throw new TransactionGroupFailedException(exception);
        }

        var handedIn = false;
        messageConnection.Use(group.Connection!, group.Transaction!, group.Turns);
        List<IJourneyTransactionEnlistment> enlistments = [];
        try
        {
            // Inside the try: a member that neither hands in nor leaves would hold its group, and its locks, for good.
            enlistments = Enlist(scope.ServiceProvider, group.Transaction!);
            var inbox = NewInboxRow(messageId, context, clock);
            using var turn = new ConsumerTurn { ConsumedBefore = false };
            var transactional = new TransactionalConsumeContext(context, dbContext, rowWrites, inbox, scope, turn, clock);
            await next.Send(transactional);
            MarkConsumed(inbox, transactional, consumedBefore: false, clock);
            if (dbContext.ChangeTracker.HasChanges())
            {
                throw new InvalidOperationException("Changes tracked by EF cannot join a transaction shared with other messages.");
            }

            foreach (var enlistment in enlistments)
            {
                enlistment.BeforeCommit(rowWrites);
            }

            handedIn = true;
            await group.Commit(inbox, rowWrites);
            return (transactional, false);
        }
        catch (Exception exception)
        {
            if (!handedIn)
            {
                await group.Leave(exception);
            }

            afterCommit.RolledBack();
            rowWrites.Clear();
            prefetched.Clear();
            if (exception is PostgresException postgres && IsInboxCollision(postgres))
            {
                // Which message collided cannot be told from the shared batch: every member is handled as a
                // redelivery, which for the others only means their inbox row is locked first.
                throw new MessageConsumedBeforeException(postgres);
            }

            if (handedIn && exception is not TransactionGroupFailedException)
            {
                throw new TransactionGroupFailedException(exception);
            }

            throw;
        }
        finally
        {
            messageConnection.Clear();
            foreach (var enlistment in enlistments)
            {
                enlistment.Dispose();
            }
        }
    }

    private static void MarkConsumed(InboxState inbox, TransactionalConsumeContext transactional, bool consumedBefore, TimeProvider clock)
    {
        if (consumedBefore)
        {
            return;
        }

        inbox.Consumed = clock.GetUtcNow();
        // Most messages send nothing: there is nothing to deliver, so the mark is set with the consume.
        inbox.Delivered = transactional.Added.Count == 0 ? inbox.Consumed : null;
    }

    private static bool IsInboxCollision(PostgresException exception) =>
        exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: InboxUniqueKey };

    // Failing the message here would help nothing: its change is committed, and retrying it would hold the receive
    // endpoint (which waits for messages in flight before it reconnects) through one more delivery timeout per
    // attempt while the broker is away.
    private async Task<bool> TryDeliver(ConsumeContext context, Guid messageId, IReadOnlyCollection<OutboxMessage> rows, IObjectDeserializer serializer)
    {
        try
        {
            await Deliver(context, rows, serializer);
            return true;
        }
        catch (Exception exception)
        {
            LogDeliveryDeferred(exception, messageId, rows.Count, exception.GetType().Name);
            return false;
        }
    }

    private async Task Deliver(ConsumeContext context, IEnumerable<OutboxMessage> rows, IObjectDeserializer serializer)
    {
        foreach (var row in rows)
        {
            var message = new StoredOutboxMessage(row, serializer);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            timeout.CancelAfter(options.MessageDeliveryTimeout);
            // The transport's provider, not the message's: a send through the message's own endpoint is awaited when the
            // message settles, and its failure would fault a message that is consumed.
            var endpoint = await context.ReceiveContext.SendEndpointProvider.GetSendEndpoint(message.DestinationAddress!);
            await endpoint.Send(new SerializedMessageBody(), new OutboxMessageSendPipe(message, message.DestinationAddress), timeout.Token);
        }
    }

    private async Task DeliverLeftBehind(ConsumeContext context, JourneyDbContext dbContext, InboxState inbox, TimeProvider clock)
    {
        if (inbox.Delivered is not null)
        {
            return;
        }

        var rows = await dbContext.OutboxMessages.AsNoTracking()
            .Where(m => m.InboxMessageId == inbox.MessageId && m.InboxConsumerId == inbox.ConsumerId)
            .OrderBy(m => m.SequenceNumber)
            .ToListAsync(context.CancellationToken);
        if (!await TryDeliver(context, inbox.MessageId, rows, SystemTextJsonMessageSerializer.Instance))
        {
            return;
        }

        await dbContext.OutboxMessages
            .Where(m => m.InboxMessageId == inbox.MessageId && m.InboxConsumerId == inbox.ConsumerId)
            .ExecuteDeleteAsync(context.CancellationToken);
        inbox.Delivered = clock.GetUtcNow();
    }

    private InboxState NewInboxRow(Guid messageId, ConsumeContext context, TimeProvider clock) => new()
    {
        MessageId = messageId,
        ConsumerId = consumerId,
        LockId = NewId.NextGuid(),
        Received = clock.GetUtcNow(),
        ReceiveCount = 1,
        ExpirationTime = context.ExpirationTime is { } expires ? new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) : null,
    };

    private static NpgsqlBatchCommand InsertInbox(JourneyDbContext dbContext, InboxState inbox)
    {
        var rows = RowMapping<InboxState>.For(dbContext);
        // Fails on the unique key when another delivery of the message committed first (it waits for one in progress).
        return rows.ForInsert(rows.Insert, inbox);
    }

    // A failed batch may have taken the transaction with it (a broken connection, or a failure after its COMMIT ran);
    // the error that matters is the one that failed the message, not the rollback's.
    private async Task RollBack(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NpgsqlException)
        {
            LogRollbackFailed(exception, exception.GetType().Name);
        }
    }

    private async Task<InboxState> LockInbox(JourneyDbContext dbContext, NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid messageId, ConsumeContext context, TimeProvider clock)
    {
        var rows = RowMapping<InboxState>.For(dbContext);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(_lockInboxReturningRow ??= $"{LockInboxSql} {rows.ColumnList}")
                {
                    Parameters =
                    {
                        new NpgsqlParameter<Guid> { TypedValue = messageId },
                        new NpgsqlParameter<Guid> { TypedValue = consumerId },
                        new NpgsqlParameter<Guid> { TypedValue = NewId.NextGuid() },
                        new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() },
                        new NpgsqlParameter<DateTime?>
                        {
                            NpgsqlDbType = NpgsqlDbType.TimestampTz,
                            TypedValue = context.ExpirationTime is { } expires ? DateTime.SpecifyKind(expires, DateTimeKind.Utc) : null,
                        },
                    },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(context.CancellationToken);
        await reader.ReadAsync(context.CancellationToken);
        return rows.Read(reader);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Message {MessageId} is consumed but its {Count} outgoing messages could not be delivered ({ErrorType}); they wait in the outbox for the sweeper")]
    private partial void LogDeliveryDeferred(Exception exception, Guid messageId, int count, string errorType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rolling back a failed message transaction failed too ({ErrorType}); the transaction is gone either way")]
    private partial void LogRollbackFailed(Exception exception, string errorType);


    private static NpgsqlBatchCommand MarkInbox(InboxState inbox) => new(MarkInboxSql)
    {
        Parameters =
        {
            new NpgsqlParameter<long> { TypedValue = inbox.Id },
            new NpgsqlParameter<DateTimeOffset?> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = inbox.Consumed },
            new NpgsqlParameter<DateTimeOffset?> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = inbox.Delivered },
        },
    };

    private static List<IJourneyTransactionEnlistment> Enlist(IServiceProvider provider, System.Data.Common.DbTransaction transaction) =>
        [.. provider.GetServices<IJourneyTransactionParticipant>().Select(p => p.Enlist(transaction))];
}

using System.Data;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CartRecovery.Persistence.Outbox;

/// <summary>
/// Runs MassTransit's inbox/outbox passes for one message, each pass in its own READ COMMITTED transaction that
/// holds the inbox row's lock: first consume (saga, outgoing messages, timers and the "consumed" mark commit
/// together), then deliver, then forget. A redelivery finds the row and resumes where the last pass stopped.
/// </summary>
public sealed class PostgresOutboxContextFactory(
    JourneyDbContext dbContext,
    IEnumerable<IJourneyTransactionParticipant> participants,
    TransactionAfterCommit afterCommit,
    IServiceProvider provider,
    TimeProvider clock)
    : IOutboxContextFactory<JourneyDbContext>
{
    private const string LockInboxSql =
        "SELECT * FROM inbox_state WHERE message_id = {0} AND consumer_id = {1} FOR UPDATE";

    private const string InsertInboxSql = """
        INSERT INTO inbox_state (message_id, consumer_id, lock_id, received, receive_count, expiration_time)
        VALUES ({0}, {1}, {2}, {3}, 0, @expiration)
        ON CONFLICT (message_id, consumer_id) DO NOTHING
        """;

    private readonly IJourneyTransactionParticipant[] _participants = [.. participants];

    public async Task Send<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next)
        where T : class
    {
        var messageId = context.GetOriginalMessageId()
            ?? throw new MessageException(typeof(T), "The inbox needs a MessageId to recognise redeliveries.");
        var countThisDelivery = true;
        var continueProcessing = true;

        while (continueProcessing)
        {
            dbContext.ChangeTracker.Clear();
            await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);
            var enlistments = Enlist(transaction);
            try
            {
                var inbox = await LockInbox(messageId, options.ConsumerId, context);
                if (countThisDelivery)
                {
                    inbox.ReceiveCount++;
                    countThisDelivery = false;
                }

                inbox.LockId = NewId.NextGuid();
                var outboxContext = new PostgresOutboxConsumeContext<T>(context, options, provider, dbContext, inbox, clock);
                await next.Send(outboxContext);
                await dbContext.SaveChangesAsync(context.CancellationToken);
                foreach (var enlistment in enlistments)
                {
                    await enlistment.BeforeCommit(context.CancellationToken);
                }

                await transaction.CommitAsync(context.CancellationToken);
                continueProcessing = outboxContext.ContinueProcessing;
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

            afterCommit.Committed();
        }
    }

    public void Probe(ProbeContext context) => context.CreateScope("outbox").Add("persistence", "postgresql");

    private async Task<InboxState> LockInbox<T>(Guid messageId, Guid consumerId, ConsumeContext<T> context)
        where T : class
    {
        // Insert-if-missing then lock, in one transaction: a concurrent first delivery waits on the insert.
        var expiration = new NpgsqlParameter<DateTime?>("expiration", NpgsqlDbType.TimestampTz)
        {
            TypedValue = context.ExpirationTime is { } expires ? DateTime.SpecifyKind(expires, DateTimeKind.Utc) : null,
        };
        await dbContext.Database.ExecuteSqlRawAsync(InsertInboxSql,
            [messageId, consumerId, NewId.NextGuid(), clock.GetUtcNow(), expiration],
            context.CancellationToken);
        return await dbContext.InboxStates.FromSqlRaw(LockInboxSql, messageId, consumerId)
            .SingleAsync(context.CancellationToken);
    }

    private List<IJourneyTransactionEnlistment> Enlist(IDbContextTransaction transaction)
    {
        var dbTransaction = transaction.GetDbTransaction();
        return [.. _participants.Select(p => p.Enlist(dbTransaction))];
    }
}

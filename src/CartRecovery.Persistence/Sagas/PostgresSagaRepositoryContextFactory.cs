using System.Data;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CartRecovery.Persistence.Sagas;

/// <summary>
/// The saga repository MassTransit resolves per message. When the transactional outbox already opened a
/// transaction on this scope's <see cref="JourneyDbContext"/>, the saga joins it, so state, outgoing messages and
/// timers commit together; otherwise it runs in a READ COMMITTED transaction of its own.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    JourneyDbContext dbContext,
    ISagaConsumeContextFactory<JourneyDbContext, TSaga> factory,
    PendingRowWrites writes,
    PrefetchedJourneyRows prefetched,
    MessageConnection connection)
    : ISagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        WithinTransaction(context.CancellationToken, async () =>
        {
            var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(dbContext, context, factory, writes, prefetched, connection);
            await next.Send(repositoryContext);
        });

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        WithinTransaction(context.CancellationToken, async () =>
        {
            // On a transaction shared with other messages this runs on the context's own connection, outside it: it
            // only finds candidates, each locked as it loads below, and this message's own writes wait for the commit.
            var ids = await dbContext.Set<TSaga>().AsNoTracking()
                .Where(query.FilterExpression)
                .Select(x => x.CorrelationId)
                .ToListAsync(context.CancellationToken);
            var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(dbContext, context, factory, writes, prefetched, connection);
            // Each id is then loaded (and locked) through the repository context, one at a time.
            await next.Send(new DefaultSagaRepositoryQueryContext<TSaga, T>(repositoryContext, ids));
        });

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new PostgresSagaQueryContext<TSaga>(dbContext, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new PostgresSagaQueryContext<TSaga>(dbContext, cancellationToken));

    public void Probe(ProbeContext context) =>
        context.CreateScope("sagaRepository").Add("persistence", "postgresql");

    private async Task WithinTransaction(CancellationToken cancellationToken, Func<Task> work)
    {
        if (connection.IsOpen)
        {
            await work();
            return;
        }

        await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var npgsqlConnection = (NpgsqlConnection)dbContext.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        connection.Use(npgsqlConnection, npgsqlTransaction);
        writes.Clear();
        try
        {
            await work();
            await writes.Flush(npgsqlConnection, npgsqlTransaction, commit: false, cancellationToken);
            await dbContext.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            writes.Clear();
            dbContext.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            connection.Clear();
        }
    }
}

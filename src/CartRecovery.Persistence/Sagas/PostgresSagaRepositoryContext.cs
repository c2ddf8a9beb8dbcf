using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CartRecovery.Persistence.Sagas;

/// <summary>Saga persistence for one message, inside the transaction its factory (or the outbox) owns. Rows are
/// locked with <c>FOR UPDATE</c> as they load, so concurrent messages for one saga queue behind each other.</summary>
public sealed class PostgresSagaRepositoryContext<TSaga, TMessage>
    : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    private readonly JourneyDbContext _dbContext;
    private readonly ConsumeContext<TMessage> _consumeContext;
    private readonly ISagaConsumeContextFactory<JourneyDbContext, TSaga> _factory;

    public PostgresSagaRepositoryContext(
        JourneyDbContext dbContext,
        ConsumeContext<TMessage> consumeContext,
        ISagaConsumeContextFactory<JourneyDbContext, TSaga> factory)
        : base(consumeContext, dbContext)
    {
        _dbContext = dbContext;
        _consumeContext = consumeContext;
        _factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        // A savepoint keeps the transaction usable when the row already exists (Postgres aborts it otherwise).
        var transaction = _dbContext.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync("saga_insert", CancellationToken);
        _dbContext.Set<TSaga>().Add(instance);
        try
        {
            await _dbContext.SaveChangesAsync(CancellationToken);
            await transaction.ReleaseSavepointAsync("saga_insert", CancellationToken);
            return await _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Insert);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await transaction.RollbackToSavepointAsync("saga_insert", CancellationToken);
            _dbContext.Entry(instance).State = EntityState.Detached;
            return default!;
        }
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await _dbContext.Set<TSaga>()
            .FromSqlRaw(SagaLockStatement<TSaga>.For(_dbContext), correlationId)
            .SingleOrDefaultAsync(CancellationToken);

        return instance is null
            ? default!
            : await _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Load);
    }

    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        _dbContext.Set<TSaga>().Add(context.Saga);
        await _dbContext.SaveChangesAsync(CancellationToken);
    }

    // Update and Delete only mark the row: whoever owns the transaction flushes every journey's change, the
    // timers and the inbox mark in one batch just before its commit, one round trip instead of one per journey.
    public Task Update(SagaConsumeContext<TSaga> context)
    {
        if (context.Saga is ISagaVersion versioned)
        {
            versioned.Version++;
        }

        return Task.CompletedTask;
    }

    public Task Delete(SagaConsumeContext<TSaga> context)
    {
        _dbContext.Set<TSaga>().Remove(context.Saga);
        return Task.CompletedTask;
    }

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context)
    {
        _dbContext.Entry(context.Saga).State = EntityState.Unchanged;
        return Task.CompletedTask;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(
        ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        _factory.CreateSagaConsumeContext(_dbContext, consumeContext, instance, mode);
}

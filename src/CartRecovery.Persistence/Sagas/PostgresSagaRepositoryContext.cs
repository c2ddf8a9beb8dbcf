using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;
using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CartRecovery.Persistence.Sagas;

/// <summary>Saga persistence for one message, inside the transaction its factory (or the outbox) owns. Rows are
/// locked with <c>FOR UPDATE</c> as they load, so concurrent messages for one saga queue behind each other. Rows are
/// read and written with plain prepared statements built from the EF model (<see cref="RowMapping{T}"/>); writes
/// wait in <see cref="PendingRowWrites"/> for the transaction owner to flush them in one batch before its commit.</summary>
public sealed class PostgresSagaRepositoryContext<TSaga, TMessage>
    : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    private readonly JourneyDbContext _dbContext;
    private readonly ConsumeContext<TMessage> _consumeContext;
    private readonly ISagaConsumeContextFactory<JourneyDbContext, TSaga> _factory;
    private readonly PendingRowWrites _writes;
    private readonly PrefetchedJourneyRows _prefetched;
    private readonly MessageConnection _connection;
    private readonly RowMapping<TSaga> _rows;

    public PostgresSagaRepositoryContext(
        JourneyDbContext dbContext,
        ConsumeContext<TMessage> consumeContext,
        ISagaConsumeContextFactory<JourneyDbContext, TSaga> factory,
        PendingRowWrites writes,
        PrefetchedJourneyRows prefetched,
        MessageConnection connection)
        : base(consumeContext, dbContext)
    {
        _dbContext = dbContext;
        _consumeContext = consumeContext;
        _factory = factory;
        _writes = writes;
        _prefetched = prefetched;
        _connection = connection;
        _rows = RowMapping<TSaga>.For(dbContext);
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        // Loaded already: MassTransit loads it when the insert makes nothing.
        if (_prefetched.Exists<TSaga>(instance.CorrelationId))
        {
            return default!;
        }

        _prefetched.Forget<TSaga>(instance.CorrelationId);
        // ON CONFLICT DO NOTHING keeps the transaction usable when the row already exists; the caller then loads it.
        int inserted;
        using (await _connection.Turn(CancellationToken))
        {
            await using var batch = NewBatch();
            batch.BatchCommands.Add(_rows.ForInsert(_rows.InsertIfMissing, instance));
            inserted = await batch.ExecuteNonQueryAsync(CancellationToken);
        }

        return inserted == 1
            ? await _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Insert)
            : default!;
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        if (_prefetched.TryTake<TSaga>(correlationId, out var instance))
        {
            return instance is null
                ? default!
                : await _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Load);
        }

        using (await _connection.Turn(CancellationToken))
        {
            await using var batch = NewBatch();
            batch.BatchCommands.Add(new NpgsqlBatchCommand(_rows.SelectForUpdate) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = correlationId } } });
            await using var reader = await batch.ExecuteReaderAsync(CancellationToken);
            if (await reader.ReadAsync(CancellationToken))
            {
                instance = _rows.Read(reader, out var original);
                _prefetched.Remember(instance, original);
            }
        }

        return instance is null
            ? default!
            : await _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Load);
    }

    public Task Save(SagaConsumeContext<TSaga> context)
    {
        // A journey another message created meanwhile fails the batch (unique key); the retry then loads it.
        _writes.Add(_rows.ForInsert(_rows.Insert, context.Saga));
        return Task.CompletedTask;
    }

    public Task Update(SagaConsumeContext<TSaga> context)
    {
        if (context.Saga is ISagaVersion versioned)
        {
            versioned.Version++;
        }

        _writes.AddExactlyOne(_rows.ForUpdate(context.Saga, _prefetched.OriginalOf(context.Saga)), $"{typeof(TSaga).Name} {context.Saga.CorrelationId}");
        return Task.CompletedTask;
    }

    public Task Delete(SagaConsumeContext<TSaga> context)
    {
        _writes.Add(_rows.ForDelete(context.Saga));
        return Task.CompletedTask;
    }

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    // Read-only: nothing was written for it.
    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(
        ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        _factory.CreateSagaConsumeContext(_dbContext, consumeContext, instance, mode);

    private NpgsqlBatch NewBatch() => _connection.IsOpen
        ? new NpgsqlBatch(_connection.Connection, _connection.Transaction)
        : throw new InvalidOperationException("Journey rows are read and written only inside the message's transaction.");
}

using System.Diagnostics.CodeAnalysis;
using CartRecovery.Persistence.Rows;
using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Persistence.Outbox;

/// <summary>The message as every consumer and saga of the endpoint sees it while its transaction is open: what they
/// send or publish becomes an outbox row in that transaction, delivered once it committed.</summary>
public sealed class TransactionalConsumeContext : ConsumeContextProxy, OutboxSendContext
{
    private readonly PendingRowWrites _writes;
    private readonly RowMapping<OutboxMessage> _rows;
    private readonly InboxState _inbox;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly List<OutboxMessage> _added = [];

    private readonly IServiceScope _scope;
    private readonly ConsumerTurn _turn;

    public TransactionalConsumeContext(ConsumeContext context, JourneyDbContext dbContext, PendingRowWrites writes, InboxState inbox,
        IServiceScope scope, ConsumerTurn turn, TimeProvider clock)
        : base(context)
    {
        _writes = writes;
        _rows = RowMapping<OutboxMessage>.For(dbContext);
        _inbox = inbox;
        _scope = scope;
        _turn = turn;
        _services = scope.ServiceProvider;
        _clock = clock;
        var receiveContext = new OutboxReceiveContext(this, context.ReceiveContext);
        ReceiveContext = receiveContext;
        PublishEndpointProvider = receiveContext.PublishEndpointProvider;
    }

    /// <summary>What the consumers sent, in order, as stored in the outbox.</summary>
    public IReadOnlyList<OutboxMessage> Added => _added;

    public Task AddSend<T>(SendContext<T> context)
        where T : class
    {
        var row = OutboxMessageWriter.ToRow(context, SerializerContext, _inbox, _clock.GetUtcNow());
        _added.Add(row);
        _writes.Add(_rows.ForInsert(_rows.Insert, row));
        return Task.CompletedTask;
    }

    public object? GetService(Type serviceType) => _services.GetService(serviceType);

    // This attempt's scope and turn are answered here, not stored in the payloads underneath, which outlive the
    // attempt: a retry must not find the scope of the attempt before it, disposed.
    public override bool HasPayloadType(Type payloadType) =>
        payloadType == typeof(IServiceScope) || payloadType == typeof(ConsumerTurn) || base.HasPayloadType(payloadType);

    public override bool TryGetPayload<T>([NotNullWhen(true)] out T? payload)
        where T : class
    {
        if (Own<T>() is { } own)
        {
            payload = own;
            return true;
        }

        return base.TryGetPayload<T>(out payload);
    }

    public override T GetOrAddPayload<T>(PayloadFactory<T> payloadFactory) => Own<T>() ?? base.GetOrAddPayload(payloadFactory);

    public override T AddOrUpdatePayload<T>(PayloadFactory<T> addFactory, UpdatePayloadFactory<T> updateFactory) =>
        Own<T>() ?? base.AddOrUpdatePayload(addFactory, updateFactory);

    private T? Own<T>()
        where T : class =>
        typeof(T) == typeof(IServiceScope) ? (T)(object)_scope : typeof(T) == typeof(ConsumerTurn) ? (T)(object)_turn : null;
}

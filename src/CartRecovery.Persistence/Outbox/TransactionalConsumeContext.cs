using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;

namespace CartRecovery.Persistence.Outbox;

/// <summary>The message as every consumer and saga of the endpoint sees it while its transaction is open: what they
/// send or publish becomes an outbox row in that transaction, delivered once it committed.</summary>
public sealed class TransactionalConsumeContext : ConsumeContextProxy, OutboxSendContext
{
    private readonly JourneyDbContext _dbContext;
    private readonly InboxState _inbox;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly List<OutboxMessage> _added = [];

    public TransactionalConsumeContext(ConsumeContext context, JourneyDbContext dbContext, InboxState inbox, IServiceProvider services, TimeProvider clock)
        : base(context)
    {
        _dbContext = dbContext;
        _inbox = inbox;
        _services = services;
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
        _dbContext.OutboxMessages.Add(row);
        return Task.CompletedTask;
    }

    public object? GetService(Type serviceType) => _services.GetService(serviceType);
}

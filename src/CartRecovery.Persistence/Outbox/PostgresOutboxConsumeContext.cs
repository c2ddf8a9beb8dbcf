using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CartRecovery.Persistence.Outbox;

/// <summary>One pass of the inbox/outbox for one message: publishes and sends become rows in the message's
/// transaction, and later passes deliver and then forget them.</summary>
public sealed class PostgresOutboxConsumeContext<TMessage> : OutboxConsumeContextProxy<TMessage>
    where TMessage : class
{
    private readonly JourneyDbContext _dbContext;
    private readonly InboxState _inbox;
    private readonly TimeProvider _clock;
    private readonly List<OutboxMessage> _added = [];

    public PostgresOutboxConsumeContext(ConsumeContext<TMessage> context, OutboxConsumeOptions options,
        IServiceProvider provider, JourneyDbContext dbContext, InboxState inbox, TimeProvider clock)
        : base(context, options, provider)
    {
        _dbContext = dbContext;
        _inbox = inbox;
        _clock = clock;
    }

    public InboxState Inbox => _inbox;

    /// <summary>True once this pass consumed the message (not a redelivery that only delivers what was stored).</summary>
    public bool ConsumedNow { get; private set; }

    /// <summary>What this pass sent, in order, as stored in the outbox.</summary>
    public IReadOnlyList<OutboxMessage> Added => _added;

    public override Guid? MessageId => _inbox.MessageId;
    public override bool ContinueProcessing { get; set; } = true;
    public override bool IsMessageConsumed => _inbox.Consumed.HasValue;
    public override bool IsOutboxDelivered => _inbox.Delivered.HasValue;
    public override int ReceiveCount => _inbox.ReceiveCount;
    public override long? LastSequenceNumber => _inbox.LastSequenceNumber;

    public override async Task SetConsumed()
    {
        _inbox.Consumed = _clock.GetUtcNow();
        ConsumedNow = true;
        // Most messages send nothing: there is nothing to deliver, so the mark is set with the consume.
        if (_added.Count == 0)
        {
            _inbox.Delivered = _inbox.Consumed;
        }

        await _dbContext.SaveChangesAsync(CancellationToken);
    }

    public override async Task SetDelivered()
    {
        _inbox.Delivered = _clock.GetUtcNow();
        await _dbContext.SaveChangesAsync(CancellationToken);
    }

    public override async Task<List<OutboxMessageContext>> LoadOutboxMessages()
    {
        var after = _inbox.LastSequenceNumber ?? 0;
        var rows = await _dbContext.OutboxMessages.AsNoTracking()
            .Where(m => m.InboxMessageId == _inbox.MessageId && m.InboxConsumerId == _inbox.ConsumerId && m.SequenceNumber > after)
            .OrderBy(m => m.SequenceNumber)
            .Take(Options.MessageDeliveryLimit + 1)
            .ToListAsync(CancellationToken);
        return [.. rows.Select(r => new StoredOutboxMessage(r, SerializerContext))];
    }

    public override async Task NotifyOutboxMessageDelivered(OutboxMessageContext message)
    {
        _inbox.LastSequenceNumber = message.SequenceNumber;
        await _dbContext.SaveChangesAsync(CancellationToken);
    }

    public override async Task RemoveOutboxMessages() =>
        await _dbContext.OutboxMessages
            .Where(m => m.InboxMessageId == _inbox.MessageId && m.InboxConsumerId == _inbox.ConsumerId)
            .ExecuteDeleteAsync(CancellationToken);

    public override Task AddSend<T>(SendContext<T> context)
    {
        // A send that arrives after the consume mark still needs delivering.
        if (_inbox.Consumed is not null)
        {
            _inbox.Delivered = null;
        }

        var row = OutboxMessageWriter.ToRow(context, SerializerContext, _inbox, _clock.GetUtcNow());
        _added.Add(row);
        _dbContext.OutboxMessages.Add(row);
        return Task.CompletedTask;
    }
}

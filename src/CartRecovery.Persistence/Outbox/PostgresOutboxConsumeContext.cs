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
    private bool _addedSends;

    public PostgresOutboxConsumeContext(ConsumeContext<TMessage> context, OutboxConsumeOptions options,
        IServiceProvider provider, JourneyDbContext dbContext, InboxState inbox, TimeProvider clock)
        : base(context, options, provider)
    {
        _dbContext = dbContext;
        _inbox = inbox;
        _clock = clock;
    }

    public override Guid? MessageId => _inbox.MessageId;
    public override bool ContinueProcessing { get; set; } = true;
    public override bool IsMessageConsumed => _inbox.Consumed.HasValue;
    public override bool IsOutboxDelivered => _inbox.Delivered.HasValue;
    public override int ReceiveCount => _inbox.ReceiveCount;
    public override long? LastSequenceNumber => _inbox.LastSequenceNumber;

    public override async Task SetConsumed()
    {
        _inbox.Consumed = _clock.GetUtcNow();
        // Most consumers send nothing. Their delivery pass would only load no rows and set this mark in a
        // transaction of its own, so it is set here, with the consume, and that pass is skipped.
        if (!_addedSends)
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
        _addedSends = true;
        // A send that arrives after the consume mark still needs its delivery pass.
        if (_inbox.Consumed is not null)
        {
            _inbox.Delivered = null;
        }
        _dbContext.OutboxMessages.Add(OutboxMessageWriter.ToRow(context, SerializerContext, _inbox, _clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}

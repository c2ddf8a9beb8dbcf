using CartRecovery.Persistence.Rows;
using MassTransit;
using MassTransit.Middleware;
using Npgsql;

namespace CartRecovery.Persistence.Sagas;

/// <summary>A state machine event correlated by id: its row key is what the state machine's own correlation filter
/// computes for the message, so the two cannot disagree.</summary>
public sealed class StateMachineEventCorrelation<TSaga, TMessage>(EventCorrelation<TSaga, TMessage> correlation) : JourneyCorrelation
    where TSaga : class, SagaStateMachineInstance
    where TMessage : class
{
    public override Type JourneyType => typeof(TSaga);

    public static bool IsById(EventCorrelation<TSaga, TMessage> correlation) => correlation.MessageFilter is CorrelationIdMessageFilter<TMessage>;

    public override Guid? RowKeyOf(ConsumeContext context)
    {
        if (!context.TryGetMessage<TMessage>(out var typed))
        {
            return null;
        }

        var capture = new CorrelationIdCapture();
        // The filter only wraps the context and calls the pipe, synchronously.
        var sent = correlation.MessageFilter.Send(typed, capture);
        return sent.IsCompletedSuccessfully && capture.CorrelationId is { } id && id != Guid.Empty ? id : null;
    }

    public override NpgsqlBatchCommand LoadAndLockAll(JourneyDbContext dbContext, Guid[] rowKeys) =>
        new(RowMapping<TSaga>.For(dbContext).SelectAllForUpdate) { Parameters = { new NpgsqlParameter<Guid[]> { TypedValue = rowKeys } } };

    public override object Read(JourneyDbContext dbContext, NpgsqlDataReader reader, out RowSnapshot original) =>
        RowMapping<TSaga>.For(dbContext).Read(reader, out original);

    public override Guid KeyOf(object row) => ((TSaga)row).CorrelationId;

    private sealed class CorrelationIdCapture : IPipe<ConsumeContext<TMessage>>
    {
        public Guid? CorrelationId { get; private set; }

        public Task Send(ConsumeContext<TMessage> context)
        {
            CorrelationId = context.CorrelationId;
            return Task.CompletedTask;
        }

        public void Probe(ProbeContext context)
        {
        }
    }
}

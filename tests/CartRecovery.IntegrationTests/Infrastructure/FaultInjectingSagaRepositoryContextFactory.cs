using MassTransit;
using MassTransit.Saga;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Wraps the real repository and throws after the saga has run and saved, when the message matches:
/// the row, its outbox messages and its timers are all written by then, so only the transaction can undo them.</summary>
public sealed class FaultInjectingSagaRepositoryContextFactory<TSaga>(
    ISagaRepositoryContextFactory<TSaga> inner,
    FaultInjection injection)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        await inner.Send(context, next);
        if (injection.ShouldFail(context))
        {
            throw new InvalidOperationException("Injected fault after the saga changed");
        }
    }

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class => inner.SendQuery(context, query, next);

    public void Probe(ProbeContext context) => inner.Probe(context);
}

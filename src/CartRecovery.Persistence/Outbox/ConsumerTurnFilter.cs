using MassTransit;

namespace CartRecovery.Persistence.Outbox;

/// <summary>Runs one consumer of a message at a time inside the message's transaction (<see cref="ConsumerTurn"/>),
/// and lets none run again for a message an earlier delivery consumed.</summary>
public sealed class ConsumerTurnFilter<T> : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (!context.TryGetPayload<ConsumerTurn>(out var turn))
        {
            await next.Send(context);
            return;
        }

        if (turn.ConsumedBefore)
        {
            await context.NotifyConsumed(context, TimeSpan.Zero, "inbox");
            return;
        }

        await turn.Wait(context.CancellationToken);
        try
        {
            await next.Send(context);
        }
        finally
        {
            turn.Release();
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("consumer-turn");
}

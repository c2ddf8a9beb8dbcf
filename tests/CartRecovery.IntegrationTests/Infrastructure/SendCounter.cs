using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Counts what a bus really sent of one message type (a duplicate fire would show here first).</summary>
public sealed class SendCounter<T> : ISendObserver
    where T : class
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task PreSend<TMessage>(SendContext<TMessage> context)
        where TMessage : class => Task.CompletedTask;

    public Task PostSend<TMessage>(SendContext<TMessage> context)
        where TMessage : class
    {
        if (context.Message is T)
        {
            Interlocked.Increment(ref _count);
        }

        return Task.CompletedTask;
    }

    public Task SendFault<TMessage>(SendContext<TMessage> context, Exception exception)
        where TMessage : class => Task.CompletedTask;
}

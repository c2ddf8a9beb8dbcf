using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Counts how often consumers of <typeparamref name="T"/> finished a message or faulted on it (each
/// faulted attempt counts).</summary>
public sealed class ConsumeCounter<T> : IConsumeMessageObserver<T>
    where T : class
{
    private int _consumed;
    private int _faulted;

    public int Consumed => Volatile.Read(ref _consumed);
    public int Faulted => Volatile.Read(ref _faulted);

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        Interlocked.Increment(ref _consumed);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception)
    {
        Interlocked.Increment(ref _faulted);
        return Task.CompletedTask;
    }
}

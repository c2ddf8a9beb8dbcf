using System.Collections.Concurrent;
using MassTransit;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>Remembers every message a journey failed to consume (an unhandled event, a throwing activity), so a spec
/// cannot pass while a saga quietly faults behind it.</summary>
public sealed class ConsumeFaultRecorder : IConsumeObserver
{
    public ConcurrentQueue<string> Faults { get; } = new();

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        Faults.Enqueue($"{typeof(T).Name} on {context.ReceiveContext.InputAddress.AbsolutePath}: {exception.GetType().Name}: {exception.Message}");
        return Task.CompletedTask;
    }
}

using MassTransit;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>Records every consumed (or faulted) message and wakes whoever waits for one, so specs wait for the
/// exact message they care about instead of for the harness to fall quiet.</summary>
public sealed class ConsumeRecorder : IConsumeObserver
{
    private readonly Lock _gate = new();
    private readonly List<ConsumeContext> _consumed = [];
    private TaskCompletionSource _changed = NewSignal();

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Record(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Record(context);

    public async Task WaitFor<T>(Func<ConsumeContext<T>, bool> match, int count, TimeSpan timeout)
        where T : class
    {
        var deadline = Task.Delay(timeout);
        while (true)
        {
            Task changed;
            int seen;
            lock (_gate)
            {
                seen = _consumed.OfType<ConsumeContext<T>>().Count(match);
                changed = _changed.Task;
            }

            if (seen >= count)
            {
                return;
            }

            if (await Task.WhenAny(changed, deadline) == deadline)
            {
                Assert.Fail($"expected {count} {typeof(T).Name} consumed within {timeout}, saw {seen}");
            }
        }
    }

    private Task Record(ConsumeContext context)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _consumed.Add(context);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return Task.CompletedTask;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using MassTransit;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>Records every consumed (or faulted) message and wakes whoever waits for one, so specs wait for the
/// exact message they care about instead of for the harness to fall quiet.</summary>
public sealed class ConsumeRecorder : IConsumeObserver
{
    private readonly Lock _gate = new();
    private readonly List<ConsumeContext> _consumed = [];
    private readonly List<(ConsumeContext Context, Exception Exception)> _faulted = [];
    private TaskCompletionSource _changed = NewSignal();

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Record(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Record(context, exception);

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

    /// <summary>Why matching messages failed to consume, if any did. Recorded before the waiters wake, so it is
    /// complete for every message <see cref="WaitFor"/> has seen.</summary>
    public IReadOnlyList<string> FaultsOf<T>(Func<ConsumeContext<T>, bool> match)
        where T : class
    {
        lock (_gate)
        {
            return [.. _faulted
                .Where(f => f.Context is ConsumeContext<T> context && match(context))
                .Select(f => f.Exception.GetBaseException().Message)];
        }
    }

    private Task Record(ConsumeContext context, Exception? exception = null)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _consumed.Add(context);
            if (exception is not null)
            {
                _faulted.Add((context, exception));
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return Task.CompletedTask;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using System.Collections.Concurrent;
using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Every message of one type a test endpoint received, with a way to wait for some.</summary>
public sealed class MessageLog<T>
    where T : class
{
    private readonly ConcurrentQueue<ConsumeContext<T>> _received = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ConsumeContext<T>> Received => [.. _received];

    public void Add(ConsumeContext<T> context)
    {
        _received.Enqueue(context);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async Task<IReadOnlyList<ConsumeContext<T>>> WaitFor(Func<T, bool> match, int count, TimeSpan timeout)
    {
        var deadline = Task.Delay(timeout);
        while (true)
        {
            var changed = _changed.Task;
            var matching = _received.Where(c => match(c.Message)).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            if (await Task.WhenAny(changed, deadline) == deadline)
            {
                Assert.Fail($"expected {count} {typeof(T).Name} within {timeout}, received {matching.Count}");
            }
        }
    }
}

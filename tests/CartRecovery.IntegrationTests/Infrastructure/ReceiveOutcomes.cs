using System.Collections.Concurrent;
using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>How each received message ended on a host's receive endpoints: settled cleanly, or faulted (after any
/// retries). Lets a spec wait for the end of one message's handling instead of for something it did.</summary>
public sealed class ReceiveOutcomes : IReceiveObserver
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<bool>> _faulted = new();

    /// <summary>Completes with whether the message faulted, once its handling (all retries included) is over.</summary>
    public async Task<bool> Faulted(Guid messageId, TimeSpan timeout) =>
        await Outcome(messageId).Task.WaitAsync(timeout);

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Settle(context, context.IsFaulted);

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Settle(context, faulted: true);

    private Task Settle(ReceiveContext context, bool faulted)
    {
        if (context.GetMessageId() is { } messageId)
        {
            Outcome(messageId).TrySetResult(faulted);
        }

        return Task.CompletedTask;
    }

    private TaskCompletionSource<bool> Outcome(Guid messageId) =>
        _faulted.GetOrAdd(messageId, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
}

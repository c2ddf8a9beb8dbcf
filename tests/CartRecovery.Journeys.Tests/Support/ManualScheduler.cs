using MassTransit;
using MassTransit.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>A scheduler that holds timers until the spec moves the fake clock past them, then sends them with the
/// scheduling token header, as the Quartz job does. Cancelling really removes a timer, as Quartz does.</summary>
public sealed class ManualScheduler(FakeTimeProvider clock) : IScheduleMessageProvider
{
    private readonly Lock _gate = new();
    private readonly List<PendingTimer> _pending = [];
    private readonly List<object> _scheduled = [];

    public ISendEndpointProvider? Bus { get; set; }

    /// <summary>How many timers of this kind were ever scheduled, fired or not.</summary>
    public int ScheduledCount<T>(Func<T, bool> match)
    {
        lock (_gate)
        {
            return _scheduled.OfType<T>().Count(match);
        }
    }

    public IReadOnlyList<object> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending.Select(t => t.Message)];
            }
        }
    }

    public Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message,
        IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class
    {
        var tokenId = NewId.NextGuid();
        // MassTransit computes the due time from the wall clock; carry the delay over to the fake clock.
        var dueAt = clock.GetUtcNow() + (scheduledTime - DateTime.UtcNow);
        lock (_gate)
        {
            _scheduled.Add(message);
            _pending.Add(new PendingTimer(tokenId, dueAt, message, async () =>
            {
                var endpoint = await Bus!.GetSendEndpoint(destinationAddress);
                await endpoint.Send(message, Pipe.Execute<SendContext<T>>(async context =>
                {
                    await pipe.Send(context);
                    context.Headers.Set(MessageHeaders.SchedulingTokenId, tokenId.ToString("D"));
                }));
            }));
        }

        return Task.FromResult<ScheduledMessage<T>>(new ScheduledMessageHandle<T>(tokenId, scheduledTime, destinationAddress, message));
    }

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) => Cancel(tokenId);

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) => Cancel(tokenId);

    /// <summary>Sends every timer due by now, earliest first.</summary>
    public async Task FireDue()
    {
        List<PendingTimer> due;
        lock (_gate)
        {
            // A millisecond of slack absorbs the wall-clock reads between scheduling and delay conversion.
            var now = clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            due = [.. _pending.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt)];
            _pending.RemoveAll(due.Contains);
        }

        foreach (var timer in due)
        {
            await timer.Fire();
        }
    }

    private Task Cancel(Guid tokenId)
    {
        lock (_gate)
        {
            _pending.RemoveAll(t => t.TokenId == tokenId);
        }

        return Task.CompletedTask;
    }

    private sealed record PendingTimer(Guid TokenId, DateTimeOffset DueAt, object Message, Func<Task> Fire);
}

using System.Text.Json;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys.Telemetry;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Scheduling;

/// <summary>
/// Fires due timers on every instance without coordination: claims a batch (hundreds per statement), sends each
/// message with its fixed id and schedule token, and deletes the rows the broker confirmed. Sleeps until the next
/// due time (capped by the poll interval) and loops at once while batches come back full. Runs only while the bus
/// does. A broker that is away leaves the rows due, retried with backoff; a message that can never be read goes
/// to the dead-timer table after a few attempts.
/// </summary>
public sealed partial class TimerPoller(
    TimerTable table,
    IOptions<SchedulerOptions> options,
    CartRecoveryMetrics metrics,
    TimeProvider clock,
    ILogger<TimerPoller> logger)
    : IBusObserver, IAsyncDisposable
{
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;
    // Handed over at start, not injected: the bus is built from the observers it is configured with.
    private IBus? _bus;

    public async Task PostStart(IBus startedBus, Task<BusReady> busReady)
    {
        await busReady;
        _bus = startedBus;
        _stopping = new CancellationTokenSource();
        _running = Task.Run(() => Run(_stopping.Token));
    }

    public async Task PreStop(IBus stoppingBus) => await Stop();

    public async ValueTask DisposeAsync() => await Stop();

    private async Task Stop()
    {
        if (_stopping is { } stopping)
        {
            _stopping = null;
            await stopping.CancelAsync();
            await _running.ContinueWith(_ => { }, TaskScheduler.Default);
            stopping.Dispose();
        }
    }

    private async Task Run(CancellationToken stopping)
    {
        var settings = options.Value;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var claimed = await table.Claim(settings.BatchSize, clock.GetUtcNow(), settings.LeaseDuration, stopping);
                if (claimed.Count > 0)
                {
                    await Fire(claimed, settings, stopping);
                }

                if (claimed.Count < settings.BatchSize)
                {
                    await Task.Delay(await UntilNextDue(settings, stopping), clock, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (TransientFailures.IsTransient(ex))
            {
                // The database is away: claimed rows come back when their lease ends; wait and look again.
                LogPollFailed(ex.GetType().Name, ex.Message);
                await Task.Delay(settings.MaxRetryDelay, clock, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<TimeSpan> UntilNextDue(SchedulerOptions settings, CancellationToken stopping)
    {
        var next = await table.NextDue(stopping);
        var wait = next is { } due ? due - clock.GetUtcNow() : settings.PollInterval;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > settings.PollInterval ? settings.PollInterval : wait;
    }

    private async Task Fire(IReadOnlyList<ScheduledTimer> claimed, SchedulerOptions settings, CancellationToken stopping)
    {
        var sent = new List<ScheduledTimer>(claimed.Count);
        var gate = new SemaphoreSlim(settings.SendConcurrency);
        await Task.WhenAll(claimed.Select(async timer =>
        {
            await gate.WaitAsync(stopping);
            try
            {
                if (await TrySend(timer, settings, stopping))
                {
                    lock (sent)
                    {
                        sent.Add(timer);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        await table.Complete(sent, stopping);
    }

    private async Task<bool> TrySend(ScheduledTimer timer, SchedulerOptions settings, CancellationToken stopping)
    {
        object message;
        Type messageType;
        try
        {
            messageType = Type.GetType(timer.MessageType, throwOnError: true)!;
            message = JsonSerializer.Deserialize(timer.Body, messageType, SystemTextJsonMessageSerializer.Options)
                ?? throw new JsonException($"Timer {timer.TokenId} holds an empty {messageType.Name}.");
        }
        catch (Exception ex) when (ex is JsonException or TypeLoadException or FileNotFoundException or NotSupportedException or ArgumentException)
        {
            await Unreadable(timer, $"{timer.MessageType}: {ex.GetType().Name}: {ex.Message}", settings, stopping);
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(settings.SendTimeout);
        try
        {
            var endpoint = await _bus!.GetSendEndpoint(timer.Destination).WaitAsync(timeout.Token);
            await endpoint.Send(message, messageType, send =>
            {
                send.MessageId = timer.MessageId;
                send.ConversationId = timer.ConversationId;
                foreach (var (key, value) in timer.Headers)
                {
                    send.Headers.Set(key, value);
                }

                send.Headers.Set(MessageHeaders.SchedulingTokenId, timer.TokenId.ToString("D"));
                send.Headers.Set(TimerHeaders.ScheduledAt, timer.ScheduledFor.ToString("O"));
            }, timeout.Token).WaitAsync(timeout.Token);
            metrics.TimerFired(clock.GetUtcNow() - timer.ScheduledFor);
            return true;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // The broker is away or slow: the timer stays, due again after a backoff, however long it takes.
            var retryAt = clock.GetUtcNow() + Backoff(timer.Attempts, settings);
            LogSendFailed(messageType.Name, timer.TokenId, timer.Attempts, ex.GetType().Name, ex.Message);
            await table.Retry(timer, retryAt, $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
            return false;
        }
    }

    private async Task Unreadable(ScheduledTimer timer, string reason, SchedulerOptions settings, CancellationToken stopping)
    {
        if (timer.Attempts >= settings.MaxUnreadableAttempts)
        {
            await table.Bury(timer, reason, clock.GetUtcNow(), stopping);
            LogBuried(timer.TokenId, timer.MessageType, timer.Attempts, reason);
            return;
        }

        await table.Retry(timer, clock.GetUtcNow() + Backoff(timer.Attempts, settings), reason, stopping);
    }

    private static TimeSpan Backoff(int attempts, SchedulerOptions settings) =>
        TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.FirstRetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));

    public void PostCreate(IBus createdBus)
    {
    }

    public void CreateFaulted(Exception exception)
    {
    }

    public Task PreStart(IBus startingBus) => Task.CompletedTask;

    public Task StartFaulted(IBus faultedBus, Exception exception) => Task.CompletedTask;

    public Task PostStop(IBus stoppedBus) => Task.CompletedTask;

    public Task StopFaulted(IBus faultedBus, Exception exception) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Timer {TokenId} could not send {MessageType} (attempt {Attempt}: {ErrorType} {Error}); it will be retried")]
    private partial void LogSendFailed(string messageType, Guid tokenId, int attempt, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer poll failed ({ErrorType} {Error}); looking again shortly")]
    private partial void LogPollFailed(string errorType, string error);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Timer {TokenId} holds a {MessageType} that cannot be read after {Attempts} attempts; moved to dead_timer: {Reason}")]
    private partial void LogBuried(Guid tokenId, string messageType, int attempts, string reason);
}

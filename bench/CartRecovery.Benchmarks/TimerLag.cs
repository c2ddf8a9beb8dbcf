using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CartRecovery.Scheduling;
using HdrHistogram;
using MassTransit;
using MassTransit.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace CartRecovery.Benchmarks;

/// <summary>A message scheduled straight through the service's timer store.</summary>
public sealed record BenchTimerProbe
{
    public required Guid Id { get; init; }
}

internal sealed record TimerPhase
{
    public required int Timers { get; init; }
    public required double ScheduleSeconds { get; init; }
    public required double P50Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double MaxMs { get; init; }
    public required double DrainPerSecond { get; init; }
}

internal sealed record TimerRun(TimerPhase Burst, TimerPhase Steady);

/// <summary>Timers written through <see cref="TimerScheduleMessageProvider"/> in one transaction (as a saga does),
/// fired by the service's timer poller with its default settings, received by a probe endpoint.
/// Lag = the fired message's SentTime minus its CR-Timer-ScheduledAt header.</summary>
internal static class TimerLag
{
    public const string ProbeQueue = "bench-timer-probe";

    public static async Task<TimerRun> Run(BenchEnvironment env, int burst, double steadyRate, TimeSpan steadyFor)
    {
        await env.PurgeQueues(ProbeQueue);
        await using var database = await env.CreateDatabase("timers");
        var app = await ServiceHost.Start(env, database);
        var fired = new ConcurrentDictionary<Guid, (DateTime Sent, DateTime Due)>();
        LogContext.Current = null;
        var probeBus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(env.RabbitMq);
            cfg.ReceiveEndpoint(ProbeQueue, e =>
            {
                e.PrefetchCount = 64;
                e.Handler<BenchTimerProbe>(c =>
                {
                    var due = DateTimeOffset.Parse(c.Headers.Get<string>(TimerHeaders.ScheduledAt)!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                    fired.TryAdd(c.Message.Id, (c.SentTime ?? DateTime.UtcNow, due.UtcDateTime));
                    return Task.CompletedTask;
                });
            });
        });
        using (var start = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await probeBus.StartAsync(start.Token);
        }

        try
        {
            // N timers due within one second, then a steady rate.
            var burstPhase = await Phase(app, database, fired, burst, burst, TimeSpan.FromSeconds(2));
            var steadyCount = Math.Max(2, (int)(steadyRate * steadyFor.TotalSeconds));
            var steadyPhase = await Phase(app, database, fired, steadyCount, steadyRate, TimeSpan.FromSeconds(2));
            return new TimerRun(burstPhase, steadyPhase);
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await probeBus.StopAsync(stop.Token);
            await ServiceHost.Stop(app);
        }
    }

    private static async Task<TimerPhase> Phase(WebApplication app, BenchDatabase database,
        ConcurrentDictionary<Guid, (DateTime Sent, DateTime Due)> fired, int count, double perSecond, TimeSpan lead)
    {
        var table = app.Services.GetRequiredService<TimerTable>();
        var provider = new TimerScheduleMessageProvider(table, app.Services.GetRequiredService<TimerSubject>(), consumeContext: null);
        var destination = new Uri($"queue:{ProbeQueue}");

        // Writing takes a few ms per timer; the first one is due after the whole batch is written.
        var firstDue = DateTime.UtcNow + lead + TimeSpan.FromMilliseconds(count * 4);
        var ids = new List<Guid>(count);
        var clock = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var buffer = TimerWriteBuffer.Begin();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var probe = new BenchTimerProbe { Id = NewId.NextGuid() };
                    await provider.ScheduleSend(destination, firstDue + TimeSpan.FromSeconds(i / perSecond), probe,
                        Pipe.Empty<SendContext<BenchTimerProbe>>(), CancellationToken.None);
                    ids.Add(probe.Id);
                }

                await table.Write(buffer, connection, transaction, CancellationToken.None);
                await transaction.CommitAsync();
            }
            finally
            {
                buffer.Close();
            }
        }

        var scheduleSeconds = clock.Elapsed.TotalSeconds;
        var deadline = Stopwatch.StartNew();
        while (ids.Any(id => !fired.ContainsKey(id)))
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{ids.Count(id => !fired.ContainsKey(id))} of {count} timers did not fire within 2 minutes");
            }

            await Task.Delay(50);
        }

        var histogram = new LongHistogram(TimeStamp.Hours(1), 3);
        var samples = ids.Select(id => fired[id]).ToList();
        foreach (var (sent, due) in samples)
        {
            histogram.RecordValue(Math.Max(1, (long)(sent - due).TotalMicroseconds));
        }

        var drainSpan = (samples.Max(s => s.Sent) - samples.Min(s => s.Due)).TotalSeconds;
        return new TimerPhase
        {
            Timers = count,
            ScheduleSeconds = scheduleSeconds,
            P50Ms = histogram.GetValueAtPercentile(50) / 1000.0,
            P99Ms = histogram.GetValueAtPercentile(99) / 1000.0,
            MaxMs = histogram.GetMaxValue() / 1000.0,
            DrainPerSecond = count / Math.Max(drainSpan, 0.001),
        };
    }
}

using System.Diagnostics;
using CartRecovery.Journeys.CartAbandonment;
using HdrHistogram;
using MassTransit;
using MassTransit.Logging;
using Npgsql;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>Timers all due at once, among the million pending in scale mode or on an empty timer table in the normal
/// run: written in one set-based statement while the service runs, fired by its timer poller with default settings,
/// counted as they arrive on a probe endpoint of its own.</summary>
internal static class TimerDrain
{
    public const string ProbeQueue = "bench-scale-timer-probe";

    /// <summary>The drain on an empty timer table: a fresh database and the service started on it for this alone.</summary>
    public static async Task<DrainRun> OnFreshDatabase(BenchEnvironment env, int count)
    {
        await using var database = await env.CreateDatabase("drain");
        var app = await ServiceHost.Start(env, database);
        try
        {
            return await Run(env, database.ConnectionString, count);
        }
        finally
        {
            await ServiceHost.Stop(app);
        }
    }

    public static async Task<DrainRun> Run(BenchEnvironment env, string connectionString, int count)
    {
        await env.PurgeQueues(ProbeQueue);
        // A handler claims a slot, writes its arrival, then counts it: once all are counted, all are written.
        var arrivals = new long[count];
        int claimed = 0, arrived = 0;
        LogContext.Current = null;
        var probeBus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(env.RabbitMq);
            cfg.ReceiveEndpoint(ProbeQueue, e =>
            {
                // The timers are sent to this queue; a binding to the journey's message type would outlive the run
                // and take a copy of every idle timeout anything publishes on the broker afterwards.
                e.ConfigureConsumeTopology = false;
                e.PrefetchCount = 200;
                e.Handler<CartIdleTimeoutElapsed>(_ =>
                {
                    var now = Stopwatch.GetTimestamp();
                    var slot = Interlocked.Increment(ref claimed) - 1;
                    if (slot < arrivals.Length)
                    {
                        arrivals[slot] = now;
                        Interlocked.Increment(ref arrived);
                    }

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
            var pendingBefore = await Pending(connectionString);
            long committed;
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("""
                    INSERT INTO scheduled_timer (token_id, due_at, scheduled_for, destination, message_type, body, message_id)
                    SELECT t.id, now(), now(), $1, $2, json_build_object('cartId', t.id)::text, gen_random_uuid()
                    FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, $3)) t
                    """, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = $"queue:{ProbeQueue}" });
                // A type the service itself can load (in scale mode it runs as its own process, without this
                // assembly); sent to the probe queue only, so no journey sees it.
                command.Parameters.Add(new NpgsqlParameter { Value = $"{typeof(CartIdleTimeoutElapsed).FullName}, {typeof(CartIdleTimeoutElapsed).Assembly.GetName().Name}" });
                command.Parameters.Add(new NpgsqlParameter { Value = count });
                await command.ExecuteNonQueryAsync();
                committed = Stopwatch.GetTimestamp();
            }

            var deadline = Stopwatch.StartNew();
            while (Volatile.Read(ref arrived) < count)
            {
                if (deadline.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException($"{Volatile.Read(ref arrived)} of {count} due timers arrived within 2 minutes");
                }

                await Task.Delay(20);
            }

            // Every timer is due by the commit, so its lag is its arrival after the commit.
            var lag = new LongHistogram(TimeStamp.Hours(1), 3);
            foreach (var arrival in arrivals)
            {
                lag.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(committed, arrival).TotalMicroseconds));
            }

            var total = Stopwatch.GetElapsedTime(committed, arrivals.Max()).TotalSeconds;
            return new DrainRun
            {
                Timers = count,
                PendingAmong = pendingBefore,
                FirstArrivalMs = Stopwatch.GetElapsedTime(committed, arrivals.Min()).TotalMilliseconds,
                DrainSeconds = total,
                PerSecond = count / total,
                LagP50Ms = lag.GetValueAtPercentile(50) / 1000.0,
                LagP99Ms = lag.GetValueAtPercentile(99) / 1000.0,
            };
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await probeBus.StopAsync(stop.Token);
        }
    }

    private static async Task<long> Pending(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("/* bench-probe */ SELECT count(*) FROM scheduled_timer", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

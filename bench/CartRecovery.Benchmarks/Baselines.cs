using System.Diagnostics;
using MassTransit;
using MassTransit.Logging;
using Npgsql;
using NpgsqlTypes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CartRecovery.Benchmarks;

/// <summary>A message of about 1 KB on the wire, for the baselines.</summary>
public sealed record BenchPayload
{
    public required int Sequence { get; init; }
    public required string Data { get; init; }
}

/// <summary>What the stack costs without our code: the broker alone, the database alone, MassTransit alone.</summary>
internal static class Baselines
{
    public const string RawQueue = "bench-raw-rabbitmq";
    public const string NoopQueue = "bench-masstransit-noop";
    public const string UpsertQueue = "bench-masstransit-upsert";
    private const int PublishWindow = 256;

    private const string UpsertTable = """
        CREATE TABLE IF NOT EXISTS bench_upsert (
            id         uuid PRIMARY KEY,
            version    integer     NOT NULL,
            payload    jsonb       NOT NULL,
            updated_at timestamptz NOT NULL)
        """;

    private const string Upsert = """
        INSERT INTO bench_upsert (id, version, payload, updated_at) VALUES ($1, 1, $2, now())
        ON CONFLICT (id) DO UPDATE SET version = bench_upsert.version + 1, payload = excluded.payload, updated_at = excluded.updated_at
        """;

    /// <summary>Like one cart's saga row: a few hundred bytes of jsonb.</summary>
    private static readonly string RowPayload =
        "[" + string.Join(',', Enumerable.Range(1, 3).Select(i =>
            $$"""{"sku":"SKU-{{i}}","name":"Product {{i}}","unitPrice":19.9,"currency":"EUR","quantity":{{i}},"productUrl":"https://shop.example/p/SKU-{{i}}"}""")) + "]";

    private static readonly string KilobyteText = new('x', 1000);

    /// <summary>Raw RabbitMQ.Client: persistent 1 KB messages, publisher confirms (256 in flight), one consumer with
    /// manual acks, prefetch 200. Rate = messages / (first publish → last consume).</summary>
    public static async Task<double> RawRabbitMq(BenchEnvironment env, int count)
    {
        await using var consumerConnection = await env.ConnectRabbit("bench-raw-consumer");
        await using var publisherConnection = await env.ConnectRabbit("bench-raw-publisher");
        await using (var setup = await consumerConnection.CreateChannelAsync())
        {
            await setup.QueueDeclareAsync(RawQueue, durable: true, exclusive: false, autoDelete: false);
            await setup.QueuePurgeAsync(RawQueue);
        }

        await using var consumeChannel = await consumerConnection.CreateChannelAsync();
        await consumeChannel.BasicQosAsync(0, 200, false);
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consumeChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumeChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref received) == count)
            {
                done.TrySetResult();
            }
        };
        var tag = await consumeChannel.BasicConsumeAsync(RawQueue, autoAck: false, consumer);

        await using var publish = await publisherConnection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { Persistent = true, ContentType = "application/octet-stream" };
        var body = new byte[1024];
        Random.Shared.NextBytes(body);

        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(PublishWindow);
        for (var i = 0; i < count; i++)
        {
            inFlight.Add(publish.BasicPublishAsync(string.Empty, RawQueue, mandatory: false, properties, body).AsTask());
            if (inFlight.Count == PublishWindow)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var seconds = clock.Elapsed.TotalSeconds;
        await consumeChannel.BasicCancelAsync(tag);
        return count / seconds;
    }

    /// <summary>One autocommitted single-row upsert per message, 8 connections each running its share in turn.
    /// Keys repeat like a cart's events do (5 per key).</summary>
    public static async Task<double> NpgsqlUpsert(BenchEnvironment env, int count, int connections = 8)
    {
        await using var database = await env.CreateDatabase("npgsql");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var create = dataSource.CreateCommand(UpsertTable))
        {
            await create.ExecuteNonQueryAsync();
        }

        var keys = Keys(count);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(Upsert, connection);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = RowPayload });
            await command.PrepareAsync();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                command.Parameters[0].Value = keys[i];
                await command.ExecuteNonQueryAsync();
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>MassTransit on RabbitMQ with the service's endpoint settings (16 concurrent, prefetch 32), a consumer
    /// that does nothing. Rate = messages / (first send → last consume).</summary>
    public static Task<double> MassTransitNoop(BenchEnvironment env, int count) =>
        MassTransitRun(env, count, NoopQueue, _ => Task.CompletedTask);

    /// <summary>The same with one upsert per message (the Npgsql baseline's statement, pool of 16).</summary>
    public static async Task<double> MassTransitUpsert(BenchEnvironment env, int count)
    {
        await using var database = await env.CreateDatabase("mtupsert");
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 16 }.ConnectionString);
        await using (var create = dataSource.CreateCommand(UpsertTable))
        {
            await create.ExecuteNonQueryAsync();
        }

        var keys = Keys(count);
        return await MassTransitRun(env, count, UpsertQueue, async message =>
        {
            await using var command = dataSource.CreateCommand(Upsert);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = keys[message.Sequence] });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = RowPayload });
            await command.ExecuteNonQueryAsync();
        });
    }

    private static async Task<double> MassTransitRun(BenchEnvironment env, int count, string queue,
        Func<BenchPayload, Task> work)
    {
        var counter = new CompletionCounter(count);
        LogContext.Current = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(env.RabbitMq);
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.PurgeOnStartup = true;
                e.PrefetchCount = 32;
                e.ConcurrentMessageLimit = 16;
                e.Consumer(() => new BenchConsumer(work, counter));
            });
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
            var clock = Stopwatch.StartNew();
            var inFlight = new List<Task>(PublishWindow);
            for (var i = 0; i < count; i++)
            {
                inFlight.Add(endpoint.Send(new BenchPayload { Sequence = i, Data = KilobyteText }));
                if (inFlight.Count == PublishWindow)
                {
                    await Task.WhenAll(inFlight);
                    inFlight.Clear();
                }
            }

            await Task.WhenAll(inFlight);
            await counter.Completed.WaitAsync(TimeSpan.FromMinutes(2));
            return count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await bus.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
    }

    private static Guid[] Keys(int count)
    {
        var distinct = Enumerable.Range(0, Math.Max(1, count / 5)).Select(_ => Guid.NewGuid()).ToArray();
        return [.. Enumerable.Range(0, count).Select(i => distinct[i % distinct.Length])];
    }
}

internal sealed class CompletionCounter(int expected)
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public Task Completed => _completed.Task;

    public void Increment()
    {
        if (Interlocked.Increment(ref _count) == expected)
        {
            _completed.TrySetResult();
        }
    }
}

internal sealed class BenchConsumer(Func<BenchPayload, Task> work, CompletionCounter counter) : IConsumer<BenchPayload>
{
    public async Task Consume(ConsumeContext<BenchPayload> context)
    {
        await work(context.Message);
        counter.Increment();
    }
}

using System.Diagnostics;
using CartRecovery.Contracts;
using CartRecovery.Journeys;
using MassTransit;
using Npgsql;

namespace CartRecovery.Benchmarks;

internal sealed record ServiceRun
{
    public required int Events { get; init; }
    public required double EventsPerSecond { get; init; }
    public required long BurstMaxDepth { get; init; }
    public required double SustainRate { get; init; }
    public required long SustainMaxDepth { get; init; }
    public required long SustainEndDepth { get; init; }
    public required double SustainSlope { get; init; }
    public required long Faults { get; init; }
    public required double SelfCpuMsPer1000 { get; init; }
    public required double PostgresCpuMsPer1000 { get; init; }
    public required double RabbitCpuMsPer1000 { get; init; }
    public required double PeakMemoryMb { get; init; }
    public required double AllocatedKbPerEvent { get; init; }
    public required double StatementsPerEvent { get; init; }
    public required double CommitsPerEvent { get; init; }
    public required double RollbacksPerEvent { get; init; }
    public required IReadOnlyList<StatementCount> Statements { get; init; }
}

/// <summary>Cart journeys through the real service: add, add, remove, checkout, order per cart, one customer per
/// cart, carts in parallel. Burst: publish a fixed batch as fast as possible, time until every cart is final and
/// every profile counted its events. Then a paced phase at 90 % of that rate, sampling the queue depth.</summary>
internal static class ServiceThroughput
{
    public const int EventsPerCart = 5;
    private const int Producers = 32;
    public static readonly string[] JourneyQueues = [JourneyEndpoints.CustomerEventsQueue];
    public static readonly string[] ErrorQueues = [.. JourneyQueues.Select(q => $"{q}_error")];

    public static async Task<ServiceRun> Run(BenchEnvironment env, int carts, TimeSpan sustain)
    {
        await env.PurgeQueues([.. JourneyQueues, JourneyEndpointsQueue]);
        await using var database = await env.CreateDatabase("service");
        await using var depth = new QueueDepth(await env.ConnectRabbit("bench-depth"));
        var errorsBefore = await ErrorDepth(depth);
        PeakMemory.Reset();
        var app = await ServiceHost.Start(env, database);
        try
        {
            var bus = app.Services.GetRequiredService<IBus>();
            var tag = Guid.NewGuid().ToString("N")[..8];
            await using var probe = new Probe(database.ConnectionString);

            // ---- burst
            await PostgresCounters.Reset(env);
            var (commits0, rollbacks0) = await PostgresCounters.Transactions(env, database.Name);
            var cpu0 = CpuSnapshot.Take();
            var allocated0 = GC.GetTotalAllocatedBytes();
            using var burstSampler = new DepthSampler(depth, JourneyQueues);
            var clock = Stopwatch.StartNew();
            var publishing = PublishCarts(bus, tag, 0, carts, pace: null);
            await probe.WaitFor(carts, TimeSpan.FromMinutes(3));
            var burstSeconds = clock.Elapsed.TotalSeconds;
            await publishing;
            var cpu = CpuSnapshot.Take() - cpu0;
            var allocated = GC.GetTotalAllocatedBytes() - allocated0;
            var burstDepth = await burstSampler.Stop();
            var events = carts * EventsPerCart;
            var rate = events / burstSeconds;
            var statements = await PostgresCounters.Statements(env, database.Name);
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // backends flush pg_stat_database at most once a second
            var (commits1, rollbacks1) = await PostgresCounters.Transactions(env, database.Name);
            var probeTransactions = probe.Queries + 2; // our own probes and the two counter reads are not the service's

            // ---- paced at 90 %
            var sustainRate = rate * 0.9;
            var sustainCarts = Math.Max(10, (int)(sustainRate * sustain.TotalSeconds / EventsPerCart));
            using var sustainSampler = new DepthSampler(depth, JourneyQueues);
            await PublishCarts(bus, tag, carts, sustainCarts, pace: sustainRate / EventsPerCart);
            var sustainDepth = await sustainSampler.Stop();
            await probe.WaitFor(carts + sustainCarts, TimeSpan.FromMinutes(3));

            var rejected = await database.Scalar<long>("SELECT count(*) FROM rejected_event");
            var faults = await ErrorDepth(depth) - errorsBefore + rejected;
            return new ServiceRun
            {
                Events = events,
                EventsPerSecond = rate,
                BurstMaxDepth = burstDepth.Max,
                SustainRate = sustainRate,
                SustainMaxDepth = sustainDepth.Max,
                SustainEndDepth = sustainDepth.End,
                SustainSlope = sustainDepth.Slope,
                Faults = faults,
                SelfCpuMsPer1000 = cpu.Self.TotalMilliseconds / events * 1000,
                PostgresCpuMsPer1000 = cpu.Postgres.TotalMilliseconds / events * 1000,
                RabbitCpuMsPer1000 = cpu.RabbitMq.TotalMilliseconds / events * 1000,
                PeakMemoryMb = PeakMemory.PeakBytes() / 1024.0 / 1024.0,
                AllocatedKbPerEvent = allocated / 1024.0 / events,
                StatementsPerEvent = statements.Sum(s => s.Calls) / (double)events,
                CommitsPerEvent = (commits1 - commits0 - probeTransactions) / (double)events,
                RollbacksPerEvent = (rollbacks1 - rollbacks0) / (double)events,
                Statements = statements,
            };
        }
        finally
        {
            await ServiceHost.Stop(app);
        }
    }

    private const string JourneyEndpointsQueue = Journeys.JourneyEndpoints.EmailDispatcherQueue;

    private static async Task<long> ErrorDepth(QueueDepth depth)
    {
        long total = 0;
        foreach (var queue in ErrorQueues)
        {
            total += await depth.Ready(queue);
        }

        return total;
    }

    /// <summary>Carts [first, first + count): each cart's five events in order, <see cref="Producers"/> carts at a
    /// time; with a pace (carts per second) new carts start on schedule instead of as fast as possible.</summary>
    private static async Task PublishCarts(IBus bus, string tag, int first, int count, double? pace)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        if (pace is null)
        {
            await Task.WhenAll(Enumerable.Range(0, Producers).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    await PublishCart(bus, tag, first + i);
                }
            }));
            return;
        }

        var running = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / pace.Value);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            running.Add(PublishCart(bus, tag, first + i));
        }

        await Task.WhenAll(running);
    }

    private static async Task PublishCart(IBus bus, string tag, int index)
    {
        var cartId = NewId.NextGuid();
        var customer = $"bench-{tag}-{index}";
        await bus.Publish(CartEvents.Added(cartId, customer, "SKU-A", 1));
        await bus.Publish(CartEvents.Added(cartId, customer, "SKU-B", 2));
        await bus.Publish(CartEvents.Removed(cartId, customer, "SKU-A"));
        await bus.Publish(CartEvents.Checkout(cartId, customer));
        await bus.Publish(CartEvents.Order(cartId, customer));
    }

    /// <summary>Polls what the service committed: final carts, orders and cart adds counted by the profiles.</summary>
    private sealed class Probe(string connectionString) : IAsyncDisposable
    {
        private NpgsqlConnection? _connection;

        public int Queries { get; private set; }

        public async Task WaitFor(int carts, TimeSpan timeout)
        {
            _connection ??= new NpgsqlConnection(connectionString);
            if (_connection.State != System.Data.ConnectionState.Open)
            {
                await _connection.OpenAsync();
            }

            var deadline = Stopwatch.StartNew();
            while (true)
            {
                await using var command = new NpgsqlCommand("""
                    /* bench-probe */ SELECT (SELECT count(*) FROM cart_abandonment_state WHERE current_state = 'Final'),
                           (SELECT coalesce(sum(order_count), 0)::bigint FROM customer_profile),
                           (SELECT coalesce(sum(engagement_score), 0)::bigint FROM customer_profile)
                    """, _connection);
                Queries++;
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    await reader.ReadAsync();
                    var (final, orders, engagement) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                    if (final >= carts && orders >= carts && engagement >= carts * 2L * 10)
                    {
                        return;
                    }

                    if (deadline.Elapsed > timeout)
                    {
                        throw new TimeoutException($"after {timeout}: {final}/{carts} carts final, {orders} orders, engagement {engagement}/{carts * 20}");
                    }
                }

                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
    }
}

internal readonly record struct DepthSummary(long Max, long End, double Slope);

/// <summary>Samples the ready-message count of some queues every 200 ms.</summary>
internal sealed class DepthSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(double Seconds, long Depth)> _samples = [];
    private readonly Task _loop;

    public DepthSampler(QueueDepth depth, IReadOnlyList<string> queues)
    {
        var clock = Stopwatch.StartNew();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                long total = 0;
                foreach (var queue in queues)
                {
                    total += await depth.Ready(queue);
                }

                lock (_samples)
                {
                    _samples.Add((clock.Elapsed.TotalSeconds, total));
                }

                try
                {
                    await Task.Delay(200, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public async Task<DepthSummary> Stop()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_samples)
        {
            if (_samples.Count == 0)
            {
                return new DepthSummary(0, 0, 0);
            }

            // least-squares slope, messages per second
            var n = _samples.Count;
            var mx = _samples.Average(s => s.Seconds);
            var my = _samples.Average(s => (double)s.Depth);
            var sxx = _samples.Sum(s => (s.Seconds - mx) * (s.Seconds - mx));
            var sxy = _samples.Sum(s => (s.Seconds - mx) * (s.Depth - my));
            return new DepthSummary(_samples.Max(s => s.Depth), _samples[n - 1].Depth, sxx > 0 ? sxy / sxx : 0);
        }
    }

    public void Dispose() => _stop.Dispose();
}

internal static class CartEvents
{
    private static ProductLine Line(string sku, int quantity) => new()
    {
        Sku = sku,
        Name = $"Product {sku}",
        UnitPrice = 24.90m,
        Currency = "EUR",
        Quantity = quantity,
        ProductUrl = new Uri($"https://shop.example/p/{sku}"),
    };

    public static CartItemAdded Added(Guid cartId, string customer, string sku, int quantity) => new()
    {
        EventId = NewId.NextGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customer,
        CartId = cartId,
        Item = Line(sku, quantity),
    };

    public static CartItemRemoved Removed(Guid cartId, string customer, string sku) => new()
    {
        EventId = NewId.NextGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customer,
        CartId = cartId,
        Sku = sku,
        Quantity = 1,
    };

    public static CheckoutStarted Checkout(Guid cartId, string customer) => new()
    {
        EventId = NewId.NextGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customer,
        CartId = cartId,
    };

    public static OrderPlaced Order(Guid cartId, string customer) => Order(NewId.NextGuid(), cartId, customer);

    /// <param name="cartId">Null for an order taken without a cart, which no cart journey follows.</param>
    public static OrderPlaced Order(Guid orderId, Guid? cartId, string customer) => new()
    {
        EventId = NewId.NextGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customer,
        OrderId = orderId,
        CartId = cartId,
        Lines = [Line("SKU-B", 2)],
        Total = 49.80m,
        Currency = "EUR",
    };

    public static OrderShipped Shipped(Guid orderId, string customer) => new()
    {
        EventId = NewId.NextGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customer,
        OrderId = orderId,
        Carrier = "DHL",
        TrackingNumber = "00340434161094042557",
        TrackingUrl = new Uri("https://tracking.example/00340434161094042557"),
    };

    public static CustomerProfileUpdated Profile(string customer, string email) => new()
    {
        EventId = NewId.NextGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customer,
        Email = email,
        FirstName = "Ada",
        TimeZone = "Europe/Berlin",
        Locale = "de-DE",
        MarketingConsent = true,
    };
}

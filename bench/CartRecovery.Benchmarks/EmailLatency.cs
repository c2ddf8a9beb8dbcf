using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CartRecovery.Contracts;
using CartRecovery.Journeys;
using HdrHistogram;
using MassTransit;

namespace CartRecovery.Benchmarks;

internal sealed record LatencyRun
{
    public required int Emails { get; init; }
    public required double OfferedRate { get; init; }
    public required double DeliveredRate { get; init; }
    public required double P50Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double P999Ms { get; init; }
    public required double MaxMs { get; init; }
}

/// <summary>The dispatcher step, which has no delay: <c>SendJourneyEmail</c> straight to <c>send-journey-email</c> at
/// a steady rate, one consenting customer each (so no cooldown or cap applies), timed from the producer's publish
/// to the SMTP sink's receipt (the last-write time of the message file in the sink's maildir).</summary>
internal static class EmailLatency
{
    public static async Task<LatencyRun> Run(BenchEnvironment env, double rate, int emails)
    {
        await env.PurgeQueues(JourneyEndpoints.EmailDispatcherQueue, JourneyEndpoints.CustomerEventsQueue);
        await using var database = await env.CreateDatabase("latency");
        var app = await ServiceHost.Start(env, database);
        try
        {
            var bus = app.Services.GetRequiredService<IBus>();
            var tag = Guid.NewGuid().ToString("N")[..8];
            string Customer(int i) => $"lat{tag}-{i}";

            // Profiles first, all consenting, and wait until they are projected.
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < emails)
                {
                    await bus.Publish(CartEvents.Profile(Customer(i), $"{Customer(i)}@example.com"));
                }
            }));
            var wait = Stopwatch.StartNew();
            while (await database.Scalar<long>("/* bench-probe */ SELECT count(*) FROM customer_profile WHERE email IS NOT NULL") < emails)
            {
                if (wait.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException("customer profiles were not projected within 2 minutes");
                }

                await Task.Delay(100);
            }

            var newFolder = Path.Combine(env.Maildir, "new");
            Directory.CreateDirectory(newFolder);
            var seen = new HashSet<string>(Directory.EnumerateFiles(newFolder), StringComparer.Ordinal);
            var published = new DateTime[emails];
            var received = new DateTime?[emails];
            var pattern = new Regex($"lat{tag}-(\\d+)@example\\.com", RegexOptions.CultureInvariant);

            // The sink's files are scanned every 50 ms in the background; their write time is the receipt time.
            using var stopScan = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var scanner = Task.Run(async () =>
            {
                while (received.Any(r => r is null))
                {
                    await Task.Delay(50, stopScan.Token);
                    Scan(newFolder, seen, pattern, received);
                }
            });

            var endpoint = await bus.GetSendEndpoint(JourneyEndpoints.EmailDispatcher);
            var clock = Stopwatch.StartNew();
            var sends = new List<Task>(emails);
            for (var i = 0; i < emails; i++)
            {
                var due = TimeSpan.FromSeconds(i / rate);
                var delay = due - clock.Elapsed;
                if (delay > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(delay);
                }

                published[i] = DateTime.UtcNow;
                sends.Add(endpoint.Send(Request(Customer(i))));
            }

            await Task.WhenAll(sends);
            try
            {
                await scanner;
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{received.Count(r => r is null)} of {emails} emails not received within 3 minutes");
            }

            var histogram = new LongHistogram(TimeStamp.Hours(1), 3);
            for (var i = 0; i < emails; i++)
            {
                var micros = Math.Max(1, (long)((received[i]!.Value - published[i]).TotalMicroseconds));
                histogram.RecordValue(micros);
            }

            var span = (received.Max(r => r!.Value) - published[0]).TotalSeconds;
            return new LatencyRun
            {
                Emails = emails,
                OfferedRate = rate,
                DeliveredRate = emails / span,
                P50Ms = histogram.GetValueAtPercentile(50) / 1000.0,
                P99Ms = histogram.GetValueAtPercentile(99) / 1000.0,
                P999Ms = histogram.GetValueAtPercentile(99.9) / 1000.0,
                MaxMs = histogram.GetMaxValue() / 1000.0,
            };
        }
        finally
        {
            await ServiceHost.Stop(app);
        }
    }

    private static SendJourneyEmail Request(string customer) => new()
    {
        JourneyId = NewId.NextGuid(),
        Journey = JourneyNames.CartAbandonment,
        Step = 1,
        StepName = "recovery",
        CustomerId = customer,
        RequestedAt = DateTimeOffset.UtcNow,
        Products =
        [
            new ProductLine
            {
                Sku = "SKU-B",
                Name = "Product SKU-B",
                UnitPrice = 24.90m,
                Currency = "EUR",
                Quantity = 2,
                ProductUrl = new Uri("https://shop.example/p/SKU-B"),
            },
        ],
        CartValue = 49.80m,
        Currency = "EUR",
    };

    /// <summary>New files in the maildir: which of our recipients, and when the sink wrote them.</summary>
    private static void Scan(string folder, HashSet<string> seen, Regex pattern, DateTime?[] received)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (!seen.Add(file))
            {
                continue;
            }

            try
            {
                var written = File.GetLastWriteTimeUtc(file);
                var buffer = new char[16384];
                int read;
                using (var reader = new StreamReader(file, Encoding.UTF8))
                {
                    read = reader.ReadBlock(buffer, 0, buffer.Length);
                }

                var match = pattern.Match(new string(buffer, 0, read));
                if (match.Success && int.TryParse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    && index < received.Length)
                {
                    received[index] ??= written;
                }
            }
            catch (IOException)
            {
                seen.Remove(file);
            }
        }
    }
}

using System.Diagnostics;
using CartRecovery.Service.Support;
using HdrHistogram;

namespace CartRecovery.Benchmarks.Scale;

/// <summary><c>GET /api/customers/{id}/journeys</c> for random seeded customers, from concurrent callers each waiting
/// for its answer before asking again, over loopback HTTP into the service's own process. Bounded by a request count
/// and a time limit, whichever comes first; a warm-up round is not recorded.</summary>
internal static class SupportLookupLoad
{
    public static async Task<LookupRun> Run(Uri service, ScalePlan plan, TimeSpan thinkTime)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = plan.LookupCallers })
        {
            BaseAddress = service,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add(ApiKeyOptions.HeaderName, ServiceHost.ApiKey);

        await Callers(client, plan, plan.LookupWarmUp, TimeSpan.FromSeconds(30), TimeSpan.Zero, histogram: null, slowest: null);
        var histogram = new LongHistogram(TimeStamp.Seconds(30), 3);
        var clock = Stopwatch.StartNew();
        var slowest = new List<SlowLookup>();
        var (requests, failures, journeys) = await Callers(client, plan, plan.LookupRequests, plan.LookupFor, thinkTime, histogram, slowest);
        var seconds = clock.Elapsed.TotalSeconds;
        if (histogram.TotalCount == 0)
        {
            using var probe = await client.GetAsync($"/api/customers/{ScaleSeed.CustomerPrefix}1/journeys");
            throw new InvalidOperationException($"every support lookup failed; one answered {(int)probe.StatusCode}: {await probe.Content.ReadAsStringAsync()}");
        }

        return new LookupRun
        {
            ThinkTime = thinkTime,
            Requests = requests,
            Failures = failures,
            RequestsPerSecond = requests / seconds,
            JourneysPerAnswer = requests == 0 ? 0 : journeys / (double)requests,
            P50Ms = histogram.GetValueAtPercentile(50) / 1000.0,
            P99Ms = histogram.GetValueAtPercentile(99) / 1000.0,
            MaxMs = histogram.GetMaxValue() / 1000.0,
            Slowest = [.. slowest.OrderByDescending(s => s.Ms).Take(12).OrderBy(s => s.AtSeconds)],
        };
    }

    private static async Task<(int Requests, int Failures, long Journeys)> Callers(HttpClient client, ScalePlan plan, int count,
        TimeSpan limit, TimeSpan thinkTime, LongHistogram? histogram, List<SlowLookup>? slowest)
    {
        var issued = -1;
        var done = 0;
        var failures = 0;
        long journeys = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, plan.LookupCallers).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            if (thinkTime > TimeSpan.Zero)
            {
                // Agents do not all ask at the same instant: started together, the first 50 lookups queued behind
                // each other and were the whole p99.
                await Task.Delay(thinkTime * random.NextDouble());
            }

            while (Interlocked.Increment(ref issued) < count && clock.Elapsed < limit)
            {
                var customer = $"{ScaleSeed.CustomerPrefix}{random.Next(plan.Customers)}";
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync($"/api/customers/{customer}/journeys");
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(start);
                Interlocked.Increment(ref done);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                Interlocked.Add(ref journeys, CountJourneys(body));
                if (histogram is not null)
                {
                    lock (histogram)
                    {
                        histogram.RecordValue(Math.Max(1, (long)elapsed.TotalMicroseconds));
                        slowest?.Add(new SlowLookup(clock.Elapsed.TotalSeconds, elapsed.TotalMilliseconds));
                    }
                }

                if (thinkTime > TimeSpan.Zero)
                {
                    await Task.Delay(thinkTime * (0.5 + random.NextDouble()));
                }
            }
        })));
        return (done, failures, journeys);
    }

    // Counting "state" keys is enough to show the answers are not empty without deserialising them.
    private static int CountJourneys(string body)
    {
        var count = 0;
        var at = 0;
        while ((at = body.IndexOf("\"state\":", at, StringComparison.Ordinal)) >= 0)
        {
            count++;
            at++;
        }

        return count;
    }
}

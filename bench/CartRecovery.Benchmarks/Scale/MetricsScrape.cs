using System.Diagnostics;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>How long a Prometheus scrape of <c>/metrics</c> takes over the million: its gauges count rows in the
/// timer table and the send ledger at scrape time.</summary>
internal static class MetricsScrape
{
    /// <returns>The median of a few scrapes, in milliseconds.</returns>
    public static async Task<double> Time(Uri service, int scrapes = 5)
    {
        using var client = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        var times = new List<double>();
        for (var i = 0; i < scrapes; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("/metrics");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsStringAsync();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return BenchResults.Median(times);
    }
}

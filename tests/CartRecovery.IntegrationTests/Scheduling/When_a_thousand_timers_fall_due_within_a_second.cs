using System.Globalization;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Scheduling;
using Xunit.Abstractions;

namespace CartRecovery.IntegrationTests.Scheduling;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_thousand_timers_fall_due_within_a_second(ServiceEndpoints services, ITestOutputHelper output)
{
    [Fact]
    public async Task Should_fire_them_all_and_report_the_lag()
    {
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        var ids = await TimerStore.ScheduleProbes(host, [.. Enumerable.Range(0, 1000).Select(i => start.AddMilliseconds(i))]);

        var received = await host.TimerProbes.WaitFor(_ => true, count: 1000, TimeSpan.FromSeconds(90));

        Assert.Equal(ids.Order(), received.Select(c => c.Message.Id).Order());
        var lags = received
            .Select(c => c.SentTime!.Value - DateTimeOffset.Parse(c.Headers.Get<string>(TimerHeaders.ScheduledAt)!, CultureInfo.InvariantCulture).UtcDateTime)
            .Order()
            .ToList();
        var report = $"timer fire lag over {lags.Count} timers due within 1 s: p50 {lags[lags.Count / 2].TotalMilliseconds:F0} ms, " +
            $"p99 {lags[(int)(lags.Count * 0.99)].TotalMilliseconds:F0} ms, max {lags[^1].TotalMilliseconds:F0} ms";
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "timer-lag.txt"), report);
    }
}

using System.Diagnostics;
using CartRecovery.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CartRecovery.IntegrationTests.Journeys;

/// <summary>A quick throughput check of the cart saga on the real repository, outbox and scheduler. It asserts
/// that every event was applied; the rate is reported, not asserted (the benchmark runner owns speed targets).</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_burst_of_cart_events_arrives(ServiceEndpoints services, ITestOutputHelper output)
{
    private const int Carts = 100;
    private const int EventsPerCart = 10;

    [Fact]
    public async Task Should_apply_every_event_and_report_the_rate()
    {
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00";
        });
        var carts = Enumerable.Range(0, Carts).Select(_ => Guid.NewGuid()).ToList();
        var events = Enumerable.Range(0, EventsPerCart).SelectMany(i => carts.Select(c => CartEvents.ItemAdded(c, $"SKU-{i}"))).ToList();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(events.Select(e => host.Bus.Publish(e)));
        await Eventually.Until(
            () => host.Database.Count("SELECT coalesce(sum(jsonb_array_length(lines)), 0) FROM cart_abandonment_state"),
            n => n == Carts * EventsPerCart, TimeSpan.FromSeconds(120), "every event applied");
        clock.Stop();

        var report = $"{events.Count} cart events over {Carts} carts applied in {clock.Elapsed.TotalSeconds:F1} s: " +
            $"{events.Count / clock.Elapsed.TotalSeconds:F0} events/s (saga + inbox/outbox + timer table, one host)";
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "cart-throughput.txt"), report);
        Assert.Equal(Carts * 2, await host.Database.PendingTimers());
    }
}

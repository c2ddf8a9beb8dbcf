using System.Diagnostics;
using System.Globalization;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Outages;

/// <summary>The dispatcher reaches the SMTP sink through a relay the spec cuts for a minute while 30 recovery emails
/// and their discount follow-ups fall due.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_the_smtp_relay_is_away_while_emails_fall_due(ServiceEndpoints services)
{
    private const int Carts = 30;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_send_every_email_once_and_in_order_after_it_returns()
    {
        await using var queues = await BrokerQueues.Connect(services.RabbitMq);
        await queues.PurgeErrorQueues();
        await using var relay = new LoopbackTcpProxy(services.SmtpHost, services.SmtpPort);
        relay.Open();
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Smtp:Host"] = "127.0.0.1";
            o.Settings["Smtp:Port"] = relay.Port.ToString(CultureInfo.InvariantCulture);
            o.Settings["Smtp:Timeout"] = "00:00:05";
            o.Settings["Smtp:RetryFirstDelay"] = "00:00:02";
            o.Settings["Smtp:RetryMaxDelay"] = "00:00:05";
        });
        var shoppers = Enumerable.Range(0, Carts).Select(_ => (CartId: Guid.NewGuid(), CustomerId: $"relay-{Guid.NewGuid():N}")).ToList();
        foreach (var shopper in shoppers)
        {
            await host.Bus.Publish(Customers.Consenting(shopper.CustomerId));
        }

        await Eventually.Until(() => host.Database.Count("SELECT count(*) FROM customer_profile WHERE email IS NOT NULL"),
            n => n == Carts, TimeSpan.FromSeconds(30), "profiles projected");

        relay.Cut();
        var outage = Stopwatch.StartNew();
        foreach (var shopper in shoppers)
        {
            await host.Bus.Publish(CartEvents.ItemAdded(shopper.CartId, customerId: shopper.CustomerId));
        }

        // The fault is real: both steps of every journey fell due and wait for the relay, and support, health and
        // the gauge say so.
        await Eventually.Until(
            () => host.Database.Count("SELECT count(DISTINCT journey_id) FROM email_decision WHERE step = 2 AND outcome = 'waiting'"),
            n => n == Carts, TimeSpan.FromSeconds(40), "every discount email waiting behind its recovery email");
        var support = await host.Http.GetStringAsync(new Uri($"/api/carts/{shoppers[0].CartId}", UriKind.Relative));
        Assert.Contains("\"waiting\"", support, StringComparison.Ordinal);
        Assert.Contains("relay-unavailable", support, StringComparison.Ordinal);
        Assert.Contains("\"smtp-relay\":{\"status\":\"Degraded\"", await host.Http.GetStringAsync(new Uri("/health/ready", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(Carts, await ScrapedMetrics.Gauge(host.Http, "cartrecovery_emails_waiting_for_relay"));
        var sink = new SmtpSink(services.Maildir);
        await Eventually.Until(() => Task.FromResult(outage.Elapsed), elapsed => elapsed >= Outage, Outage + TimeSpan.FromSeconds(5),
            "the outage to last its minute");
        Assert.All(shoppers, s => Assert.Empty(sink.To($"{s.CustomerId}@example.com")));

        relay.Open();

        foreach (var shopper in shoppers)
        {
            var mails = await sink.WaitFor($"{shopper.CustomerId}@example.com", count: 2, TimeSpan.FromSeconds(60));
            Assert.Equal([$"{shopper.CartId:N}.1@cartrecovery.local", $"{shopper.CartId:N}.2@cartrecovery.local"],
                mails.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        }

        // Step 2 was claimed only after step 1 had been accepted, for every journey.
        Assert.Equal(0, await host.Database.Count("""
            SELECT count(*) FROM send_ledger one JOIN send_ledger two ON two.journey_id = one.journey_id AND two.step = 2
            WHERE one.step = 1 AND (one.status <> 'sent' OR two.status <> 'sent' OR two.claimed_at < one.sent_at)
            """));
        Assert.Equal(2 * Carts, await host.Database.Count("SELECT count(*) FROM send_ledger WHERE status = 'sent'"));
        Assert.Empty(await queues.DeadLettered());
        Assert.All(shoppers, s => Assert.Equal(2, sink.To($"{s.CustomerId}@example.com").Count));
    }
}

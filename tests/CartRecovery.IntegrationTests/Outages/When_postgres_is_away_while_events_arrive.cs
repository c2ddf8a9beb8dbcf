using System.Diagnostics;
using CartRecovery.IntegrationTests.Infrastructure;
using Npgsql;

namespace CartRecovery.IntegrationTests.Outages;

/// <summary>The service reaches PostgreSQL through a relay the spec cuts for a minute, as a managed failover would,
/// while a shop keeps posting events over HTTP. Assertions read the database directly, past the relay.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_postgres_is_away_while_events_arrive(ServiceEndpoints services)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_dead_letter_nothing_and_email_exactly_the_abandoners()
    {
        await using var queues = await BrokerQueues.Connect(services.RabbitMq);
        await queues.PurgeErrorQueues();
        var direct = await services.CreateDatabase();
        var database = new TestDatabase(direct);
        var server = new NpgsqlConnectionStringBuilder(direct);
        await using var relay = new LoopbackTcpProxy(server.Host!, server.Port);
        relay.Open();
        var viaRelay = new NpgsqlConnectionStringBuilder(direct) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
        await using var host = await TestHost.Start(services, viaRelay, o =>
        {
            // No purge: MassTransit purges again whenever the kill switch restarts an endpoint, which would swallow
            // the very backlog this spec waits for.
            o.Settings["Journeys:Endpoints:RedeliveryIntervals:0"] = "00:00:01";
            o.Settings["Journeys:Endpoints:RedeliveryIntervals:1"] = "00:00:02";
            o.Settings["Journeys:Endpoints:RedeliveryIntervals:2"] = "00:00:05";
            o.Settings["Journeys:Endpoints:KillSwitchRestartTimeout"] = "00:00:05";
        });
        var shop = new ShopProducer(host.Http);
        var abandoners = Shoppers("pg-abandoner", 12);
        var buyers = Shoppers("pg-buyer", 6);
        var unsubscribed = Shoppers("pg-unsubscribed", 6);
        foreach (var shopper in abandoners.Concat(buyers).Concat(unsubscribed))
        {
            await shop.Post("customer.profile_updated", Customers.Consenting(shopper.CustomerId));
        }

        await Eventually.Until(() => database.Count("SELECT count(*) FROM customer_profile WHERE email IS NOT NULL"),
            n => n == 24, TimeSpan.FromSeconds(30), "profiles projected");
        foreach (var shopper in unsubscribed)
        {
            await shop.Post("customer.unsubscribed", Customers.Unsubscribed(shopper.CustomerId));
        }

        await Eventually.Until(() => database.Count("SELECT count(*) FROM customer_profile WHERE unsubscribed"),
            n => n == unsubscribed.Count, TimeSpan.FromSeconds(30), "unsubscribes accepted before the outage");

        relay.Cut();
        var outage = Stopwatch.StartNew();
        foreach (var shopper in abandoners.Concat(unsubscribed))
        {
            await shop.Post("cart.item_added", CartEvents.ItemAdded(shopper.CartId, customerId: shopper.CustomerId));
        }

        foreach (var shopper in buyers)
        {
            await shop.Post("cart.item_added", CartEvents.ItemAdded(shopper.CartId, customerId: shopper.CustomerId));
            await shop.Post("order.placed", CartEvents.OrderPlaced(shopper.CartId, shopper.CustomerId));
        }

        // The fault is real: the service itself reports the database gone.
        await Eventually.Until(async () => await (await host.Http.GetAsync(new Uri("/health/ready", UriKind.Relative))).Content.ReadAsStringAsync(),
            body => body.Contains("\"postgres\":{\"status\":\"Unhealthy\"", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "postgres reported down");
        await Eventually.Until(() => Task.FromResult(outage.Elapsed), elapsed => elapsed >= Outage, Outage + TimeSpan.FromSeconds(5),
            "the outage to last its minute");
        Assert.Empty(await queues.DeadLettered());

        relay.Open();

        var sink = new SmtpSink(services.Maildir);
        foreach (var shopper in abandoners)
        {
            var mails = await sink.WaitFor(shopper.Address, count: 2, TimeSpan.FromSeconds(120));
            Assert.Equal([$"{shopper.CartId:N}.1@cartrecovery.local", $"{shopper.CartId:N}.2@cartrecovery.local"],
                mails.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        }

        await Eventually.Until(
            () => database.Count("SELECT count(*) FROM cart_abandonment_state WHERE correlation_id = ANY(@ids) AND outcome = 'converted'",
                ("ids", buyers.Select(b => b.CartId).ToArray())),
            n => n == buyers.Count, TimeSpan.FromSeconds(30), "every buyer's journey ended converted");
        await Eventually.Until(
            () => database.Count("SELECT count(*) FROM email_decision WHERE customer_id = ANY(@ids) AND outcome = 'suppressed'",
                ("ids", unsubscribed.Select(u => u.CustomerId).ToArray())),
            n => n == 2 * unsubscribed.Count, TimeSpan.FromSeconds(30), "both emails of every unsubscribed customer suppressed");
        Assert.All(buyers.Concat(unsubscribed), s => Assert.Empty(sink.To(s.Address)));
        Assert.All(abandoners, s => Assert.Equal(2, sink.To(s.Address).Count));
        Assert.Empty(await queues.DeadLettered());
    }

    private static List<Shopper> Shoppers(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new Shopper(Guid.NewGuid(), $"{prefix}-{Guid.NewGuid():N}"))];

    private sealed record Shopper(Guid CartId, string CustomerId)
    {
        public string Address => $"{CustomerId}@example.com";
    }
}

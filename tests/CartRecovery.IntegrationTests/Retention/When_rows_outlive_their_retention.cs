using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Retention;

/// <summary>The recurring retention job deletes rows older than their configured age, in batches, and keeps
/// younger rows, rows still at work and journeys still running whatever their age.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_rows_outlive_their_retention(ServiceEndpoints services)
{
    private const int BatchSize = 10;

    private const string Seed = """
        BEGIN;
        INSERT INTO email_decision (journey_id, journey, step, customer_id, outcome, rule, reason, decision_values, decided_at)
        SELECT gen_random_uuid(), 'cart-abandonment', 1, 'c', 'sent', 'allowed', 'r', '{}', now() - make_interval(days => d)
        FROM (SELECT 400 FROM generate_series(1, 25) UNION ALL SELECT 300 FROM generate_series(1, 2)) AS age(d);

        INSERT INTO send_ledger (journey_id, step, journey, customer_id, status, message_id, claimed_at)
        SELECT gen_random_uuid(), 1, 'cart-abandonment', 'c', s, 'm', now() - make_interval(days => d)
        FROM (SELECT 400, 'sent' FROM generate_series(1, 25) UNION ALL SELECT 300, 'sent' FROM generate_series(1, 2)
              UNION ALL SELECT 400, 'waiting') AS age(d, s);

        INSERT INTO product_view (customer_id, sku, name, unit_price, currency, viewed_at)
        SELECT 'c', 'SKU-' || n, 'p', 1, 'EUR', now() - make_interval(days => CASE WHEN n <= 25 THEN 40 ELSE 20 END)
        FROM generate_series(1, 27) AS n;

        INSERT INTO rejected_event (message_type, endpoint, errors, rejected_at)
        SELECT 'T', 'e', '{}', now() - make_interval(days => CASE WHEN n <= 25 THEN 100 ELSE 80 END)
        FROM generate_series(1, 27) AS n;

        INSERT INTO inbox_state (message_id, consumer_id, lock_id, received, receive_count, consumed, delivered)
        SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), t, 1, t, t
        FROM (SELECT now() - make_interval(days => CASE WHEN n <= 25 THEN 2 ELSE 0 END) FROM generate_series(1, 27) AS n) AS at(t);

        INSERT INTO cart_abandonment_state (correlation_id, current_state, version, customer_id, lines, started_at,
                                            last_activity_at, ended_at, outcome, recent_event_ids)
        SELECT gen_random_uuid(), s, 1, 'c', '[]', now() - interval '500 days', now() - interval '500 days',
               e, CASE WHEN s = 'Final' THEN 'expired' END, '{}'
        FROM (SELECT 'Final', now() - interval '400 days' FROM generate_series(1, 25)
              UNION ALL SELECT 'Final', now() - interval '300 days' FROM generate_series(1, 2)
              UNION ALL SELECT 'Abandoned', now() - interval '400 days'
              UNION ALL SELECT 'Active', NULL) AS j(s, e);
        COMMIT;
        """;

    [Fact]
    public async Task Should_purge_old_rows_in_batches_and_keep_young_ones_and_running_journeys()
    {
        var database = await services.CreateDatabase();
        await using (var migrate = await TestHost.Start(services, database))
        {
            await migrate.Database.Execute(Seed);
        }

        // The interval is long, so only the run at start happens: purging all 25 takes it several batches.
        await using var host = await TestHost.Start(services, database, o =>
        {
            o.Settings["Retention:Enabled"] = "true";
            o.Settings["Retention:Interval"] = "01:00:00";
            o.Settings["Retention:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

        var left = await Eventually.Until(Remaining(host), n => n == 0, TimeSpan.FromSeconds(30), "old rows purged");

        Assert.Equal(0, left);
        Assert.Equal(2, await host.Database.Count("SELECT count(*) FROM email_decision"));
        Assert.Equal(2, await host.Database.Count("SELECT count(*) FROM send_ledger WHERE status = 'sent'"));
        Assert.Equal(1, await host.Database.Count("SELECT count(*) FROM send_ledger WHERE status = 'waiting'"));
        Assert.Equal(2, await host.Database.Count("SELECT count(*) FROM product_view"));
        Assert.Equal(2, await host.Database.Count("SELECT count(*) FROM rejected_event"));
        Assert.True(await host.Database.Count("SELECT count(*) FROM inbox_state WHERE delivered >= now() - interval '1 day'") >= 2);
        Assert.Equal(2, await host.Database.Count("SELECT count(*) FROM cart_abandonment_state WHERE current_state = 'Final'"));
        Assert.Equal(2, await host.Database.Count("SELECT count(*) FROM cart_abandonment_state WHERE current_state <> 'Final'"));
    }

    private static Func<Task<long>> Remaining(TestHost host) => () => host.Database.Count("""
        SELECT (SELECT count(*) FROM email_decision WHERE decided_at < now() - interval '365 days')
             + (SELECT count(*) FROM send_ledger WHERE claimed_at < now() - interval '365 days' AND status <> 'waiting')
             + (SELECT count(*) FROM product_view WHERE viewed_at < now() - interval '30 days')
             + (SELECT count(*) FROM rejected_event WHERE rejected_at < now() - interval '90 days')
             + (SELECT count(*) FROM inbox_state WHERE delivered < now() - interval '1 day')
             + (SELECT count(*) FROM cart_abandonment_state WHERE current_state = 'Final' AND ended_at < now() - interval '365 days')
        """);
}

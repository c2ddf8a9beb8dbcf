using System.Diagnostics;
using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Decisions;
using CartRecovery.Dispatcher.Ledger;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.PostPurchase;
using Npgsql;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>Fills a migrated database with a million journeys in set-based statements (generate_series), a profile per
/// customer, decisions and ledger rows for a third of the carts and half of the orders, and one timer per token every
/// running journey holds. Ids are md5 of the kind and index, so a journey's tokens and its timers agree without a
/// lookup. Customer <c>scale-N</c> owns about seven journeys of all four kinds.</summary>
internal static class ScaleSeed
{
    public const string CustomerPrefix = "scale-";

    // Journeys started over the last 90 days, spread by a multiplier coprime to the period.
    private const string Started = "now() - ((i::bigint * 7919) % 7776000) * interval '1 second'";

    private const string ProductJson = """
        jsonb_build_object('sku', 'SKU-' || (i % 5000), 'name', 'Product ' || (i % 5000), 'unitPrice', 24.90,
                           'currency', 'EUR', 'quantity', 1 + i % 3, 'productUrl', 'https://shop.example/p/SKU-' || (i % 5000))
        """;

    public static async Task<SeedRun> Run(string connectionString, ScalePlan plan, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "SET synchronous_commit = off");

        await Step(connection, log, "customer_profile", $"""
            INSERT INTO customer_profile (customer_id, email, first_name, time_zone, locale, marketing_consent, order_count,
                                          lifetime_value, engagement_score, updated_at)
            SELECT '{CustomerPrefix}' || i, '{CustomerPrefix}' || i || '@example.test', 'Ada', 'Europe/Berlin', 'de-DE',
                   i % 10 <> 0, i % 4, (i % 4) * 49.80, i % 100, now()
            FROM generate_series(0, $1 - 1) AS i
            """, plan.Customers);

        await Step(connection, log, "cart_abandonment_state", $"""
            INSERT INTO cart_abandonment_state (correlation_id, current_state, version, customer_id, lines, started_at,
                last_activity_at, abandoned_at, recovery_email_requested_at, ended_at, outcome, recent_event_ids,
                idle_timeout_token_id, expiry_token_id)
            SELECT md5('cart:' || i)::uuid,
                   CASE WHEN i % 2 = 0 THEN 'Final' WHEN i % 4 = 3 THEN 'Abandoned' ELSE 'Active' END,
                   4, '{CustomerPrefix}' || (i % $2), jsonb_build_array({ProductJson}),
                   t.started, t.started + interval '20 minutes',
                   CASE WHEN i % 4 = 3 THEN t.started + interval '1 hour' END,
                   CASE WHEN i % 4 = 3 THEN t.started + interval '1 hour' END,
                   CASE WHEN i % 2 = 0 THEN t.started + interval '2 hours' END,
                   CASE WHEN i % 2 = 0 THEN (ARRAY['converted', 'recovered', 'expired', 'emptied'])[1 + (i / 2) % 4] END,
                   ARRAY[md5('cart-event-a:' || i)::uuid, md5('cart-event-b:' || i)::uuid],
                   CASE WHEN i % 2 = 1 THEN md5('cart-idle:' || i)::uuid END,
                   CASE WHEN i % 2 = 1 THEN md5('cart-expiry:' || i)::uuid END
            FROM generate_series(0, $1 - 1) AS i, LATERAL (SELECT {Started} AS started) t
            """, plan.Carts, plan.Customers);

        await Step(connection, log, "browse_abandonment_state", $"""
            INSERT INTO browse_abandonment_state (correlation_id, current_state, version, customer_id, sku, product,
                started_at, viewed_at, interest_shown_at, email_requested_at, emails_requested, outcome, ended_at,
                recent_event_ids, quiet_period_token_id, cooldown_token_id)
            SELECT md5('browse:' || i)::uuid,
                   CASE i % 5 WHEN 0 THEN 'Final' WHEN 1 THEN 'Interested' WHEN 2 THEN 'CoolingDown' ELSE 'Watching' END,
                   3, '{CustomerPrefix}' || ((i * 7) % $2), 'SKU-' || (i % 5000), {ProductJson},
                   t.started, jsonb_build_array(t.started, t.started + interval '3 minutes'),
                   CASE WHEN i % 5 IN (1, 2) THEN t.started + interval '5 minutes' END,
                   CASE WHEN i % 5 = 2 THEN t.started + interval '1 hour' END,
                   CASE WHEN i % 5 = 2 THEN 1 ELSE 0 END,
                   CASE WHEN i % 5 = 0 THEN 'purchased' END,
                   CASE WHEN i % 5 = 0 THEN t.started + interval '2 hours' END,
                   ARRAY[md5('browse-event:' || i)::uuid],
                   CASE WHEN i % 5 IN (1, 3, 4) THEN md5('browse-quiet:' || i)::uuid END,
                   CASE WHEN i % 5 = 2 THEN md5('browse-cooldown:' || i)::uuid END
            FROM generate_series(0, $1 - 1) AS i, LATERAL (SELECT {Started} AS started) t
            """, plan.Browses, plan.Customers);

        await Step(connection, log, "post_purchase_state", $"""
            INSERT INTO post_purchase_state (correlation_id, current_state, version, customer_id, lines, total, currency,
                started_at, shipped_at, delivered_at, shipment_email_requested_at, ended_at, outcome,
                review_request_token_id, cross_sell_token_id)
            SELECT md5('order:' || i)::uuid,
                   CASE WHEN i % 4 = 0 THEN 'Final' WHEN i % 4 = 1 THEN 'Delivered' ELSE 'Placed' END,
                   2, '{CustomerPrefix}' || ((i * 13) % $2), jsonb_build_array({ProductJson}), 49.80, 'EUR',
                   t.started,
                   CASE WHEN i % 4 IN (0, 1) THEN t.started + interval '1 day' END,
                   CASE WHEN i % 4 IN (0, 1) THEN t.started + interval '3 days' END,
                   CASE WHEN i % 2 = 0 THEN t.started + interval '1 day' END,
                   CASE WHEN i % 4 = 0 THEN t.started + interval '40 days' END,
                   CASE WHEN i % 4 = 0 THEN 'completed' END,
                   CASE WHEN i % 4 <> 0 THEN md5('order-review:' || i)::uuid END,
                   CASE WHEN i % 4 <> 0 THEN md5('order-cross-sell:' || i)::uuid END
            FROM generate_series(0, $1 - 1) AS i, LATERAL (SELECT {Started} AS started) t
            """, plan.Orders, plan.Customers);

        await Step(connection, log, "inactivity_state", $"""
            INSERT INTO inactivity_state (correlation_id, current_state, version, customer_id, started_at, last_activity_at,
                lapses, unengaged_at, outcome, ended_at, recent_event_ids, inactivity_token_id)
            SELECT md5('inactivity:' || i)::uuid,
                   CASE WHEN i % 3 = 0 THEN 'Unengaged' ELSE 'Active' END,
                   5, '{CustomerPrefix}' || i, t.started, t.started + interval '1 day',
                   CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END,
                   CASE WHEN i % 3 = 0 THEN t.started + interval '74 days' END,
                   CASE WHEN i % 3 = 0 THEN 'unengaged' END,
                   CASE WHEN i % 3 = 0 THEN t.started + interval '74 days' END,
                   ARRAY[md5('inactivity-event:' || i)::uuid],
                   CASE WHEN i % 3 <> 0 THEN md5('inactivity-timer:' || i)::uuid END
            FROM generate_series(0, $1 - 1) AS i, LATERAL (SELECT {Started} AS started) t
            """, plan.Customers);

        // A third of the carts got the recovery email, half of those then hit the cap for the discount; half of the
        // orders got the shipment email. Each sent email has its ledger row.
        await Step(connection, log, "email_decision", """
            INSERT INTO email_decision (journey_id, journey, step, customer_id, outcome, rule, reason, decision_values,
                                        message_id, decided_at)
            SELECT d.journey_id, d.journey, d.step, d.customer_id, d.outcome, d.rule, d.reason,
                   jsonb_build_object('consent', 'granted', 'sentInWindow', '1', 'cap', '3'),
                   CASE WHEN d.outcome = $5 THEN 'CR-' || d.journey_id || '-' || d.step END, d.decided_at
            FROM (
                SELECT md5('cart:' || i)::uuid AS journey_id, $8 AS journey, 1 AS step, 'scale-' || (i % $2) AS customer_id,
                       $5 AS outcome, $7 AS rule, 'every rule allowed it' AS reason,
                       now() - ((i::bigint * 7919) % 7776000) * interval '1 second' + interval '1 hour' AS decided_at
                FROM generate_series(0, $1 - 1, 3) AS i
                UNION ALL
                SELECT md5('cart:' || i)::uuid, $8, 2, 'scale-' || (i % $2), $6, $4, 'three emails in the last 7 days',
                       now() - ((i::bigint * 7919) % 7776000) * interval '1 second' + interval '25 hours'
                FROM generate_series(0, $1 - 1, 6) AS i
                UNION ALL
                SELECT md5('order:' || i)::uuid, $9, 1, 'scale-' || ((i * 13) % $2), $5, $7, 'every rule allowed it',
                       now() - ((i::bigint * 7919) % 7776000) * interval '1 second' + interval '1 day'
                FROM generate_series(0, $3 - 1, 2) AS i
            ) d
            """, plan.Carts, plan.Customers, plan.Orders, ContactRules.FrequencyCap, DecisionOutcomes.Sent,
            DecisionOutcomes.Suppressed, ContactRules.Allowed, JourneyNames.CartAbandonment, JourneyNames.PostPurchase);

        await Step(connection, log, "send_ledger", """
            INSERT INTO send_ledger (journey_id, step, journey, customer_id, status, message_id, claimed_at, sent_at, attempts)
            SELECT journey_id, step, journey, customer_id, $1, message_id, decided_at, decided_at + interval '1 second', 1
            FROM email_decision WHERE outcome = $2
            """, LedgerStatus.Sent, DecisionOutcomes.Sent);

        await Step(connection, log, "scheduled_timer", """
            INSERT INTO scheduled_timer (token_id, due_at, scheduled_for, destination, message_type, body, message_id)
            SELECT x.token, x.due, x.due, x.destination, x.message_type, x.body, md5('timer-message:' || x.token)::uuid
            FROM (
                SELECT unnest(ARRAY[idle_timeout_token_id, expiry_token_id]) AS token,
                       unnest(ARRAY[$1, $2]) AS message_type,
                       json_build_object('cartId', correlation_id)::text AS body,
                       'rabbitmq://127.0.0.1/cart-abandonment' AS destination,
                       now() + interval '1 day' + ((('x' || left(md5(correlation_id::text), 7))::bit(28)::int) % 2592000) * interval '1 second' AS due
                FROM cart_abandonment_state
                UNION ALL
                SELECT coalesce(quiet_period_token_id, cooldown_token_id), $3, json_build_object('journeyId', correlation_id)::text,
                       'rabbitmq://127.0.0.1/browse-abandonment',
                       now() + interval '1 day' + ((('x' || left(md5(correlation_id::text), 7))::bit(28)::int) % 2592000) * interval '1 second'
                FROM browse_abandonment_state
                UNION ALL
                SELECT unnest(ARRAY[review_request_token_id, cross_sell_token_id]), unnest(ARRAY[$4, $5]),
                       json_build_object('orderId', correlation_id)::text, 'rabbitmq://127.0.0.1/post-purchase',
                       now() + interval '1 day' + ((('x' || left(md5(correlation_id::text), 7))::bit(28)::int) % 2592000) * interval '1 second'
                FROM post_purchase_state
                UNION ALL
                SELECT inactivity_token_id, $6, json_build_object('journeyId', correlation_id)::text,
                       'rabbitmq://127.0.0.1/inactivity',
                       now() + interval '1 day' + ((('x' || left(md5(correlation_id::text), 7))::bit(28)::int) % 2592000) * interval '1 second'
                FROM inactivity_state
            ) x
            WHERE x.token IS NOT NULL
            """, TypeName<CartIdleTimeoutElapsed>(), TypeName<CartJourneyExpired>(), TypeName<BrowseQuietPeriodElapsed>(),
            TypeName<ReviewRequestDue>(), TypeName<CrossSellDue>(), TypeName<CustomerInactivityElapsed>());

        var seedSeconds = clock.Elapsed.TotalSeconds;
        // A long-running database has been vacuumed and analysed; without this the first minutes of the run would
        // measure autovacuum catching up with a million fresh rows instead of the service.
        log("seed: VACUUM (ANALYZE)");
        await Execute(connection, "VACUUM (ANALYZE)");
        // Nor has it a gigabyte of freshly loaded pages still to write: without a checkpoint here, PostgreSQL's next
        // one flushes the seed in the middle of the measurements and times the disk, not the service.
        try
        {
            await Execute(connection, "CHECKPOINT");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            log("seed: no CHECKPOINT (the role may not run one); the next checkpoint may fall inside the run");
        }
        return await Describe(connection, seedSeconds, clock.Elapsed.TotalSeconds - seedSeconds);
    }

    /// <summary>What a seeded database holds, with how long seeding took (NaN for a database seeded by an earlier run).</summary>
    public static async Task<SeedRun> Describe(NpgsqlConnection connection, double seedSeconds, double vacuumSeconds) => new()
    {
        SeedSeconds = seedSeconds,
        VacuumSeconds = vacuumSeconds,
        Journeys = await Count(connection, """
            SELECT (SELECT count(*) FROM cart_abandonment_state) + (SELECT count(*) FROM browse_abandonment_state)
                 + (SELECT count(*) FROM post_purchase_state) + (SELECT count(*) FROM inactivity_state)
            """),
        Timers = await Count(connection, "SELECT count(*) FROM scheduled_timer"),
        Decisions = await Count(connection, "SELECT count(*) FROM email_decision"),
        LedgerRows = await Count(connection, "SELECT count(*) FROM send_ledger"),
        Customers = await Count(connection, "SELECT count(*) FROM customer_profile"),
    };

    private static string TypeName<T>() => $"{typeof(T).FullName}, {typeof(T).Assembly.GetName().Name}";

    private static async Task Step(NpgsqlConnection connection, Action<string> log, string table, string sql, params object[] values)
    {
        var clock = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = await command.ExecuteNonQueryAsync();
        log($"seed: {table} {rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Count(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

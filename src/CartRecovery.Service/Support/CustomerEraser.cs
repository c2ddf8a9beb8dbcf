using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Erasure;
using Npgsql;

namespace CartRecovery.Service.Support;

/// <summary>
/// GDPR erasure: first commits the erasure marker, so from that moment the dispatcher refuses every email for the
/// customer (<c>SupportStops</c>, and the ledger claim atomically) whatever fires while the rest runs; then ends every
/// running journey, removes pending email timers, deletes the profile (the only place an email address is kept) and
/// replaces the customer id everywhere else with a stable keyed pseudonym, so anonymous counts survive. Running it
/// again finds nothing left to erase.
/// </summary>
public sealed class CustomerEraser(
    NpgsqlDataSource dataSource,
    JourneyQueries queries,
    JourneyCanceller canceller,
    PendingEmailTimers pendingEmails,
    WithdrawnEmails withdrawnEmails,
    CustomerPseudonym pseudonyms,
    TimeProvider clock)
{
    public async Task<ErasureReport> Erase(string customerId, CancellationToken cancellationToken)
    {
        var pseudonym = pseudonyms.Of(customerId);
        await MarkErased(pseudonym, cancellationToken);
        var (cancelled, deferredEmails) = await CancelRunningJourneys(customerId, cancellationToken);
        // Deferred emails of journeys that already ended, or of none the saga tables still name.
        var leftOver = await pendingEmails.RemoveForCustomer(customerId, cancellationToken);
        await withdrawnEmails.Record(leftOver, ContactRules.Erased,
            "The customer was erased while this email waited for its send time; it will not be sent.", cancellationToken);
        var timers = deferredEmails + leftOver.Count;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        async Task<int> Execute(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("customer_id", customerId);
            command.Parameters.AddWithValue("pseudonym", pseudonym);
            command.Parameters.AddWithValue("now", clock.GetUtcNow());
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var report = new ErasureReport(
            pseudonym,
            ProfileDeleted: await Execute("DELETE FROM customer_profile WHERE customer_id = @customer_id")
                + await Execute("DELETE FROM product_view WHERE customer_id = @customer_id") > 0,
            JourneysCancelled: cancelled,
            JourneyRowsAnonymised:
                await Execute("UPDATE cart_abandonment_state SET customer_id = @pseudonym WHERE customer_id = @customer_id")
                + await Execute("UPDATE browse_abandonment_state SET customer_id = @pseudonym WHERE customer_id = @customer_id")
                + await Execute("UPDATE post_purchase_state SET customer_id = @pseudonym WHERE customer_id = @customer_id")
                + await Execute("UPDATE inactivity_state SET customer_id = @pseudonym WHERE customer_id = @customer_id"),
            LedgerRowsAnonymised: await Execute("UPDATE send_ledger SET customer_id = @pseudonym, last_error = NULL WHERE customer_id = @customer_id")
                + await Execute("DELETE FROM send_contender WHERE customer_id = @customer_id"),
            DecisionsAnonymised: await Execute("UPDATE email_decision SET customer_id = @pseudonym WHERE customer_id = @customer_id"),
            ConversionsAnonymised: await Execute("UPDATE journey_conversion SET customer_id = @pseudonym WHERE customer_id = @customer_id"),
            DiscountCodesRevoked: await Execute("""
                UPDATE discount_code SET customer_id = @pseudonym,
                       status = CASE WHEN status = 'issued' THEN 'revoked' ELSE status END
                WHERE customer_id = @customer_id
                """),
            TimersRemoved: timers);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    /// <summary>Committed on its own, before anything is removed: whatever fires during the removal finds it.</summary>
    private async Task MarkErased(string pseudonym, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO erased_customer (pseudonym, erased_at) VALUES (@pseudonym, @now)
            ON CONFLICT (pseudonym) DO UPDATE SET erased_at = excluded.erased_at
            """);
        command.Parameters.AddWithValue("pseudonym", pseudonym);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<(int Journeys, int DeferredEmails)> CancelRunningJourneys(string customerId, CancellationToken cancellationToken)
    {
        var cancelled = 0;
        var deferredEmails = 0;
        for (var page = 1; ; page++)
        {
            var journeys = await queries.ForCustomer(customerId, page, 100, cancellationToken);
            foreach (var journey in journeys.Items.Where(j => j.IsRunning))
            {
                deferredEmails += await canceller.Cancel(journey, becauseErased: true, cancellationToken);
                cancelled++;
            }

            if (!journeys.HasMore)
            {
                return (cancelled, deferredEmails);
            }
        }
    }
}

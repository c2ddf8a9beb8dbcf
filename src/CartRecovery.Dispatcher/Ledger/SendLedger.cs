using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Erasure;
using Npgsql;

namespace CartRecovery.Dispatcher.Ledger;

/// <summary>
/// The at-most-once guard. Claims commit on their own connection before SMTP, so a crash afterwards leaves
/// evidence ("claimed", in doubt) that no redelivery can miss; the claim also re-checks consent atomically, so an
/// unsubscribe committed before the claim always wins, and so does an erasure: once its marker is committed, no claim
/// succeeds for the customer until consent is given again after it.
/// </summary>
public sealed class SendLedger(NpgsqlDataSource dataSource, CustomerPseudonym pseudonyms)
{
    /// <summary>
    /// Claims the step before SMTP. A step waiting for the relay is claimed again; a step behind an earlier one that
    /// waits for the relay or is being sent (claimed less than <paramref name="longestSend"/> ago) is refused, so a
    /// journey's emails leave in order.
    /// </summary>
    public async Task<ClaimResult> TryClaim(Guid journeyId, int step, string journey, string customerId, string messageId,
        DateTimeOffset now, TimeSpan longestSend, CancellationToken cancellationToken)
    {
        await using var claim = dataSource.CreateCommand("""
            INSERT INTO send_ledger (journey_id, step, journey, customer_id, status, message_id, claimed_at)
            SELECT @journey_id, @step, @journey, @customer_id, @claimed, @message_id, @now
            WHERE EXISTS (SELECT 1 FROM customer_profile profile
                          WHERE customer_id = @customer_id AND marketing_consent AND NOT unsubscribed
                            AND NOT EXISTS (SELECT 1 FROM erased_customer erased WHERE erased.pseudonym = @pseudonym
                                            AND (profile.consent_changed_at IS NULL OR erased.erased_at >= profile.consent_changed_at)))
              AND NOT EXISTS (SELECT 1 FROM cancelled_journey WHERE journey_id = @journey_id)
              AND NOT EXISTS (SELECT 1 FROM send_ledger earlier
                              WHERE earlier.journey_id = @journey_id AND earlier.step < @step
                                AND (earlier.status = @waiting OR (earlier.status = @claimed AND earlier.claimed_at > @now - @longest)))
            ON CONFLICT (journey_id, step) DO UPDATE SET status = @claimed, claimed_at = @now, message_id = @message_id
            WHERE send_ledger.status = @waiting
            """);
        claim.Parameters.AddWithValue("journey_id", journeyId);
        claim.Parameters.AddWithValue("step", step);
        claim.Parameters.AddWithValue("journey", journey);
        claim.Parameters.AddWithValue("customer_id", customerId);
        claim.Parameters.AddWithValue("pseudonym", pseudonyms.Of(customerId));
        claim.Parameters.AddWithValue("message_id", messageId);
        claim.Parameters.AddWithValue("now", now);
        claim.Parameters.AddWithValue("longest", longestSend);
        claim.Parameters.AddWithValue("claimed", LedgerStatus.Claimed);
        claim.Parameters.AddWithValue("waiting", LedgerStatus.Waiting);
        if (await claim.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return ClaimResult.Claimed;
        }

        // Refused: one round trip says why, in the order the claim's own conditions would.
        await using var why = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM send_ledger WHERE journey_id = @journey_id AND step = @step AND status <> @waiting),
                   EXISTS (SELECT 1 FROM cancelled_journey WHERE journey_id = @journey_id),
                   EXISTS (SELECT 1 FROM send_ledger earlier
                           WHERE earlier.journey_id = @journey_id AND earlier.step < @step
                             AND (earlier.status = @waiting OR (earlier.status = @claimed AND earlier.claimed_at > @now - @longest))),
                   EXISTS (SELECT 1 FROM erased_customer erased WHERE erased.pseudonym = @pseudonym
                           AND NOT EXISTS (SELECT 1 FROM customer_profile WHERE customer_id = @customer_id
                                           AND consent_changed_at > erased.erased_at))
            """);
        why.Parameters.AddWithValue("pseudonym", pseudonyms.Of(customerId));
        why.Parameters.AddWithValue("customer_id", customerId);
        why.Parameters.AddWithValue("journey_id", journeyId);
        why.Parameters.AddWithValue("step", step);
        why.Parameters.AddWithValue("now", now);
        why.Parameters.AddWithValue("longest", longestSend);
        why.Parameters.AddWithValue("claimed", LedgerStatus.Claimed);
        why.Parameters.AddWithValue("waiting", LedgerStatus.Waiting);
        await using var reader = await why.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(0) ? ClaimResult.AlreadyClaimed
            : reader.GetBoolean(1) ? ClaimResult.JourneyCancelled
            : reader.GetBoolean(2) ? ClaimResult.EarlierStepPending
            : reader.GetBoolean(3) ? ClaimResult.CustomerErased
            : ClaimResult.ConsentWithdrawn;
    }

    public async Task<LedgerEntry?> Find(Guid journeyId, int step, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT status, claimed_at FROM send_ledger WHERE journey_id = @journey_id AND step = @step");
        command.Parameters.AddWithValue("journey_id", journeyId);
        command.Parameters.AddWithValue("step", step);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LedgerEntry(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }

    public async Task MarkSent(Guid journeyId, int step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE send_ledger SET status = @sent, sent_at = @now WHERE journey_id = @journey_id AND step = @step");
        command.Parameters.AddWithValue("journey_id", journeyId);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("sent", LedgerStatus.Sent);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The relay did not take the claimed step: it keeps its place in the ledger and waits for another
    /// attempt. Answers how often it has been tried and since when it waits.</summary>
    public async Task<RelayWait> Wait(Guid journeyId, int step, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE send_ledger
            SET status = @waiting, attempts = attempts + 1, waiting_since = COALESCE(waiting_since, @now), last_error = left(@error, 500)
            WHERE journey_id = @journey_id AND step = @step AND status = @claimed
            RETURNING attempts, waiting_since
            """);
        command.Parameters.AddWithValue("journey_id", journeyId);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("error", error);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("claimed", LedgerStatus.Claimed);
        command.Parameters.AddWithValue("waiting", LedgerStatus.Waiting);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RelayWait(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1))
            : new RelayWait(1, now);
    }

    /// <summary>The relay refused the step for good: it stays in the ledger, so it is never tried again.</summary>
    public async Task Reject(Guid journeyId, int step, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE send_ledger SET status = @rejected, attempts = attempts + 1, last_error = left(@error, 500)
            WHERE journey_id = @journey_id AND step = @step AND status = @claimed
            """);
        command.Parameters.AddWithValue("journey_id", journeyId);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("error", error);
        command.Parameters.AddWithValue("claimed", LedgerStatus.Claimed);
        command.Parameters.AddWithValue("rejected", LedgerStatus.Rejected);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A step that waited for the relay will not be sent after all (unsubscribed, cancelled, capped): it
    /// leaves the ledger, so the journey's later steps no longer wait behind it.</summary>
    public async Task StopWaiting(Guid journeyId, int step, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM send_ledger WHERE journey_id = @journey_id AND step = @step AND status = @waiting");
        command.Parameters.AddWithValue("journey_id", journeyId);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("waiting", LedgerStatus.Waiting);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Emails waiting for the relay right now. Synchronous: gauges are read in a scrape callback.</summary>
    public long CountWaiting()
    {
        using var command = dataSource.CreateCommand("SELECT count(*) FROM send_ledger WHERE status = @waiting");
        command.Parameters.AddWithValue("waiting", LedgerStatus.Waiting);
        command.CommandTimeout = 2;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Emails claimed longer ago than any send takes and never confirmed: in doubt. Synchronous, as above.</summary>
    public long CountInDoubt(TimeSpan longestSend)
    {
        using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM send_ledger WHERE status = @claimed AND claimed_at < now() - @longest");
        command.Parameters.AddWithValue("claimed", LedgerStatus.Claimed);
        command.Parameters.AddWithValue("longest", longestSend);
        command.CommandTimeout = 2;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Emails accepted for this customer since <paramref name="since"/>, across journeys, for the cap.</summary>
    public async Task<IReadOnlyList<SentEmail>> SentSince(string customerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT journey, journey_id, step, sent_at FROM send_ledger
            WHERE customer_id = @customer_id AND status = @sent AND sent_at >= @since
            """);
        command.Parameters.AddWithValue("customer_id", customerId);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("sent", LedgerStatus.Sent);
        var sent = new List<SentEmail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sent.Add(new SentEmail(reader.GetString(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return sent;
    }
}

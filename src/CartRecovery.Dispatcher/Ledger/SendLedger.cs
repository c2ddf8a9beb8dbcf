using CartRecovery.Delivery.Policy;
using Npgsql;

namespace CartRecovery.Dispatcher.Ledger;

/// <summary>
/// The at-most-once guard. Claims commit on their own connection before SMTP, so a crash afterwards leaves
/// evidence ("claimed", in doubt) that no redelivery can miss; the claim also re-checks consent atomically, so an
/// unsubscribe committed before the claim always wins.
/// </summary>
public sealed class SendLedger(NpgsqlDataSource dataSource)
{
    public async Task<ClaimResult> TryClaim(Guid journeyId, int step, string journey, string customerId, string messageId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var claim = dataSource.CreateCommand("""
            INSERT INTO send_ledger (journey_id, step, journey, customer_id, status, message_id, claimed_at)
            SELECT @journey_id, @step, @journey, @customer_id, 'claimed', @message_id, @now
            WHERE EXISTS (SELECT 1 FROM customer_profile
                          WHERE customer_id = @customer_id AND marketing_consent AND NOT unsubscribed)
              AND NOT EXISTS (SELECT 1 FROM cancelled_journey WHERE journey_id = @journey_id)
            ON CONFLICT (journey_id, step) DO NOTHING
            """);
        claim.Parameters.AddWithValue("journey_id", journeyId);
        claim.Parameters.AddWithValue("step", step);
        claim.Parameters.AddWithValue("journey", journey);
        claim.Parameters.AddWithValue("customer_id", customerId);
        claim.Parameters.AddWithValue("message_id", messageId);
        claim.Parameters.AddWithValue("now", now);
        if (await claim.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return ClaimResult.Claimed;
        }

        if (await Find(journeyId, step, cancellationToken) is not null)
        {
            return ClaimResult.AlreadyClaimed;
        }

        await using var cancelled = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM cancelled_journey WHERE journey_id = @journey_id)");
        cancelled.Parameters.AddWithValue("journey_id", journeyId);
        return (bool)(await cancelled.ExecuteScalarAsync(cancellationToken))! ? ClaimResult.JourneyCancelled : ClaimResult.ConsentWithdrawn;
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
            "UPDATE send_ledger SET status = 'sent', sent_at = @now WHERE journey_id = @journey_id AND step = @step");
        command.Parameters.AddWithValue("journey_id", journeyId);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives a claim back when the email certainly did not leave, so a retry may send it.</summary>
    public async Task Release(Guid journeyId, int step, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM send_ledger WHERE journey_id = @journey_id AND step = @step AND status = 'claimed'");
        command.Parameters.AddWithValue("journey_id", journeyId);
        command.Parameters.AddWithValue("step", step);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Emails accepted for this customer since <paramref name="since"/>, across journeys, for the cap.</summary>
    public async Task<IReadOnlyList<SentEmail>> SentSince(string customerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT journey, journey_id, step, sent_at FROM send_ledger
            WHERE customer_id = @customer_id AND status = 'sent' AND sent_at >= @since
            """);
        command.Parameters.AddWithValue("customer_id", customerId);
        command.Parameters.AddWithValue("since", since);
        var sent = new List<SentEmail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sent.Add(new SentEmail(reader.GetString(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return sent;
    }
}

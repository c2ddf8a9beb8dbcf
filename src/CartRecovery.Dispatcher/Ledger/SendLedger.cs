using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Erasure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Dispatcher.Ledger;

/// <summary>
/// The at-most-once guard. Claims commit on their own connection before SMTP, so a crash afterwards leaves
/// evidence ("claimed", in doubt) that no redelivery can miss; the claim also re-checks consent, cap and cooldowns
/// atomically, so an unsubscribe committed before the claim always wins and no customer gets more than the cap; so
/// does an erasure: once its marker is committed, no claim succeeds for the customer until consent is given again.
/// </summary>
public sealed class SendLedger(NpgsqlDataSource dataSource, ContactPolicy policy, IOptions<ContactPolicyOptions> options,
    CustomerPseudonym pseudonyms)
{
    /// <summary>
    /// Claims the step before SMTP. A step waiting for the relay is claimed again; a step behind an earlier one that
    /// waits for the relay or is being sent (claimed less than <paramref name="longestSend"/> ago) is refused, so a
    /// journey's emails leave in order. Claims of one customer are serialised on every instance, and under that lock
    /// the cap and cooldowns are checked again against every email sent or on its way and against higher-ranked
    /// contenders, so two emails decided at once cannot both take the last slot.
    /// </summary>
    public async Task<ClaimAttempt> TryClaim(ContactRequest request, string messageId, DateTimeOffset now, TimeSpan longestSend,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] more)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("journey_id", request.JourneyId);
            command.Parameters.AddWithValue("step", request.Step);
            command.Parameters.AddWithValue("customer_id", request.CustomerId);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("longest", longestSend);
            command.Parameters.AddWithValue("claimed", LedgerStatus.Claimed);
            command.Parameters.AddWithValue("waiting", LedgerStatus.Waiting);
            foreach (var (name, value) in more)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return command;
        }

        // One round trip: the customer's claim lock first, then, under it, what counts toward the cap, who contends for
        // the last slot, and this step's own contention withdrawn.
        List<SentEmail> slots;
        List<ContactRequest> contenders;
        await using (var underLock = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("SELECT pg_advisory_xact_lock(@lock_space, hashtext(@customer_id))", ("lock_space", CustomerClaimLockSpace)),
                SlotsCommand(request, now - options.Value.Window),
                Command(ContendersSql, ("live_since", now - ContenderLifetime(longestSend))),
                Command(WithdrawSql),
            },
        })
        await using (var reader = await underLock.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            slots = await ReadSlots(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            contenders = await ReadContenders(reader, request.CustomerId, cancellationToken);
        }

        if (policy.CheckSlot(request, slots, contenders, now) is { } heldBack)
        {
            await transaction.CommitAsync(cancellationToken);
            return new ClaimAttempt(ClaimResult.HeldBack, heldBack);
        }

        // One more round trip: the claim, why it was refused (read only then, in the order the claim's own conditions
        // would refuse it), and the commit.
        var pseudonym = pseudonyms.Of(request.CustomerId);
        var claim = Command(ClaimSql, ("journey", request.Journey), ("pseudonym", pseudonym), ("message_id", messageId));
        await using var decided = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { claim, Command(RefusalSql, ("pseudonym", pseudonym)), new NpgsqlBatchCommand("COMMIT") },
        };
        ClaimResult refusal;
        // Leaving the block reads past the COMMIT: a commit that fails throws here, before any answer is given.
        await using (var why = await decided.ExecuteReaderAsync(cancellationToken))
        {
            await why.ReadAsync(cancellationToken);
            refusal = why.GetBoolean(0) ? ClaimResult.AlreadyClaimed
                : why.GetBoolean(1) ? ClaimResult.JourneyCancelled
                : why.GetBoolean(2) ? ClaimResult.EarlierStepPending
                : why.GetBoolean(3) ? ClaimResult.CustomerErased
                : ClaimResult.ConsentWithdrawn;
        }

        return new ClaimAttempt(claim.RecordsAffected == 1 ? ClaimResult.Claimed : refusal);
    }

    private const string ClaimSql = """
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
        """;

    private const string RefusalSql = """
        SELECT EXISTS (SELECT 1 FROM send_ledger WHERE journey_id = @journey_id AND step = @step AND status <> @waiting),
               EXISTS (SELECT 1 FROM cancelled_journey WHERE journey_id = @journey_id),
               EXISTS (SELECT 1 FROM send_ledger earlier
                       WHERE earlier.journey_id = @journey_id AND earlier.step < @step
                         AND (earlier.status = @waiting OR (earlier.status = @claimed AND earlier.claimed_at > @now - @longest))),
               EXISTS (SELECT 1 FROM erased_customer erased WHERE erased.pseudonym = @pseudonym
                       AND NOT EXISTS (SELECT 1 FROM customer_profile WHERE customer_id = @customer_id
                                       AND consent_changed_at > erased.erased_at))
        """;

    /// <summary>
    /// Registers an email that would take the customer's last free slot as a contender, so claims made meanwhile
    /// rank it by priority. Answers since when it contends: a repeat keeps its first registration.
    /// </summary>
    public async Task<DateTimeOffset> Contend(ContactRequest request, DateTimeOffset now, TimeSpan longestSend, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO send_contender (journey_id, step, journey, customer_id, requested_at, registered_at)
            VALUES (@journey_id, @step, @journey, @customer_id, @requested_at, @now)
            ON CONFLICT (journey_id, step) DO UPDATE SET registered_at =
                CASE WHEN send_contender.registered_at > @live_since THEN send_contender.registered_at ELSE excluded.registered_at END
            RETURNING registered_at
            """);
        command.Parameters.AddWithValue("journey_id", request.JourneyId);
        command.Parameters.AddWithValue("step", request.Step);
        command.Parameters.AddWithValue("journey", request.Journey);
        command.Parameters.AddWithValue("customer_id", request.CustomerId);
        command.Parameters.AddWithValue("requested_at", request.RequestedAt);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("live_since", now - ContenderLifetime(longestSend));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    /// <summary>The email will not claim now (deferred or suppressed): it stops contending for the last slot.</summary>
    public async Task Withdraw(Guid journeyId, int step, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(WithdrawSql);
        command.Parameters.AddWithValue("journey_id", journeyId);
        command.Parameters.AddWithValue("step", step);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>What counts toward the cap for this customer since <paramref name="since"/>, across journeys: emails
    /// sent, being sent (or in doubt) and waiting for the relay; never the step itself. For a caller that batches it
    /// with its other reads; read it with <see cref="ReadSlots"/>.</summary>
    public static NpgsqlBatchCommand SlotsCommand(ContactRequest request, DateTimeOffset since)
    {
        var command = new NpgsqlBatchCommand(SlotsSql);
        command.Parameters.AddWithValue("journey_id", request.JourneyId);
        command.Parameters.AddWithValue("step", request.Step);
        command.Parameters.AddWithValue("customer_id", request.CustomerId);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("counted", CountedStatuses);
        return command;
    }

    private static readonly string[] CountedStatuses = [LedgerStatus.Claimed, LedgerStatus.Sent, LedgerStatus.Waiting];

    // Its own key space, apart from the migration lock; hashtext collisions only serialise two customers' claims.
    private const int CustomerClaimLockSpace = 0x43_52_43_4C;

    private const string SlotsSql = """
        SELECT journey, journey_id, step, COALESCE(sent_at, claimed_at) FROM send_ledger
        WHERE customer_id = @customer_id AND status = ANY(@counted) AND COALESCE(sent_at, claimed_at) > @since
          AND NOT (journey_id = @journey_id AND step = @step)
        """;

    private const string ContendersSql = """
        SELECT journey_id, journey, step, requested_at FROM send_contender
        WHERE customer_id = @customer_id AND registered_at > @live_since AND NOT (journey_id = @journey_id AND step = @step)
        """;

    private const string WithdrawSql = "DELETE FROM send_contender WHERE journey_id = @journey_id AND step = @step";

    /// <summary>A contender that neither claimed nor withdrew within this long crashed; it blocks nobody.</summary>
    private TimeSpan ContenderLifetime(TimeSpan longestSend) => options.Value.ContentionWindow + longestSend;

    /// <summary>Reads the current result of <see cref="SlotsCommand"/>.</summary>
    public static async Task<List<SentEmail>> ReadSlots(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var slots = new List<SentEmail>();
        while (await reader.ReadAsync(cancellationToken))
        {
            slots.Add(new SentEmail(reader.GetString(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return slots;
    }

    private static async Task<List<ContactRequest>> ReadContenders(NpgsqlDataReader reader, string customerId, CancellationToken cancellationToken)
    {
        var contenders = new List<ContactRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            contenders.Add(new ContactRequest(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), customerId,
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return contenders;
    }

    /// <summary>The step's ledger entry, for a caller that batches it with its other reads; read it with <see cref="ReadEntry"/>.</summary>
    public static NpgsqlBatchCommand FindCommand(Guid journeyId, int step) =>
        new("SELECT status, claimed_at FROM send_ledger WHERE journey_id = $1 AND step = $2")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = journeyId }, new NpgsqlParameter<int> { TypedValue = step } },
        };

    /// <summary>Reads the current result of <see cref="FindCommand"/>.</summary>
    public static async Task<LedgerEntry?> ReadEntry(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken)
            ? new LedgerEntry(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;

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
}

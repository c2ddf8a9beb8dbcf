using CartRecovery.Journeys;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CartRecovery.Scheduling;

/// <summary>
/// The timer table: every instance claims due rows in batches with <c>FOR UPDATE SKIP LOCKED</c>, taking a lease by
/// moving their due time forward, so no shared lock row is ever taken and nothing needs coordinating. A row is
/// deleted only after the broker confirmed its message; a lease that runs out (a crash) makes it due again.
/// </summary>
public sealed class TimerTable(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "token_id, due_at, scheduled_for, destination, message_type, body, message_id, conversation_id, headers, journey_id, customer_id, is_redelivery, attempts";

    /// <summary>Writes in the caller's transaction (<paramref name="connection"/>), or on a connection of its own.</summary>
    public async Task Write(TimerWriteBuffer writes, NpgsqlConnection? connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        if (writes.IsEmpty)
        {
            return;
        }

        await using var own = connection is null ? await dataSource.OpenConnectionAsync(cancellationToken) : null;
        await using var batch = new NpgsqlBatch(connection ?? own, transaction);
        foreach (var command in Commands(writes))
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        writes.Clear();
    }

    /// <summary>The statements that apply <paramref name="writes"/>: deletes, then upserts (scheduling a token
    /// again replaces its timer). A reschedule, the common case (every item event moves the cart's idle timer), is one
    /// statement: the old token's delete rides in the first upsert.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Commands(TimerWriteBuffer writes)
    {
        if (writes.IsEmpty)
        {
            yield break;
        }

        var deletes = DeletesNotReinserted(writes);
        // The first delete rides in the first upsert; any others (a journey's end unschedules several) go alone.
        var deletedInUpsert = writes.Inserts.Count > 0 && deletes.Length > 0 ? 1 : 0;
        foreach (var token in deletes.Skip(deletedInUpsert))
        {
            var delete = new NpgsqlBatchCommand("DELETE FROM scheduled_timer WHERE token_id = $1");
            delete.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = token });
            yield return delete;
        }

        for (var i = 0; i < writes.Inserts.Count; i++)
        {
            var timer = writes.Inserts[i];
            var withDeletes = i == 0 && deletedInUpsert == 1;
            var insert = new NpgsqlBatchCommand(withDeletes ? DeleteAndUpsertSql : UpsertSql);
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = timer.TokenId });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timer.DueAt });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = timer.Destination.ToString() });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = timer.MessageType });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = timer.Body });
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = timer.MessageId });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)timer.ConversationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(timer.Headers) });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)timer.JourneyId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)timer.CustomerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = timer.IsRedelivery });
            if (withDeletes)
            {
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = deletes[0] });
            }

            yield return insert;
        }
    }

    // A token deleted and scheduled again in one transaction is simply replaced by its upsert; leaving it out of the
    // delete keeps one statement from both deleting and inserting the same row.
    private static Guid[] DeletesNotReinserted(TimerWriteBuffer writes)
    {
        if (writes.Deletes.Count == 0)
        {
            return [];
        }

        return writes.Inserts.Count == 0
            ? [.. writes.Deletes]
            : [.. writes.Deletes.Where(token => !writes.Inserts.Exists(timer => timer.TokenId == token))];
    }

    private const string UpsertSql = $"""
        INSERT INTO scheduled_timer ({Columns}) VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, 0)
        ON CONFLICT (token_id) DO UPDATE SET due_at = excluded.due_at, scheduled_for = excluded.scheduled_for,
            destination = excluded.destination, message_type = excluded.message_type, body = excluded.body,
            message_id = excluded.message_id, conversation_id = excluded.conversation_id, headers = excluded.headers,
            journey_id = excluded.journey_id, customer_id = excluded.customer_id, is_redelivery = excluded.is_redelivery,
            attempts = 0, last_error = NULL
        """;

    // A data-modifying WITH runs to completion whether or not the main statement reads it. Deletes name one token:
    // the plan PostgreSQL caches for "= ANY($n)" is made while the table is small, a sequential scan it keeps after
    // the table has grown (0.3 ms a reschedule at a few thousand timers); "= $n" is an index lookup in every plan.
    private const string DeleteAndUpsertSql = $"""
        WITH replaced AS (DELETE FROM scheduled_timer WHERE token_id = $12)
        {UpsertSql}
        """;

    /// <summary>Claims up to <paramref name="batchSize"/> due timers for <paramref name="lease"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ScheduledTimer>> Claim(int batchSize, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE scheduled_timer t SET due_at = @leased_until, attempts = t.attempts + 1
            FROM (SELECT token_id FROM scheduled_timer WHERE due_at <= @now ORDER BY due_at LIMIT @batch FOR UPDATE SKIP LOCKED) due
            WHERE t.token_id = due.token_id
            RETURNING t.token_id, t.due_at, t.scheduled_for, t.destination, t.message_type, t.body, t.message_id, t.conversation_id,
                      t.headers::text, t.journey_id, t.customer_id, t.is_redelivery, t.attempts
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("leased_until", now + lease);
        command.Parameters.AddWithValue("batch", batchSize);
        return await Read(command, cancellationToken);
    }

    /// <summary>Removes timers whose messages the broker confirmed, unless they were rescheduled meanwhile.</summary>
    public async Task Complete(IReadOnlyCollection<ScheduledTimer> fired, CancellationToken cancellationToken)
    {
        if (fired.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            DELETE FROM scheduled_timer t USING unnest(@tokens, @dues) AS f(token_id, due_at)
            WHERE t.token_id = f.token_id AND t.due_at = f.due_at
            """);
        command.Parameters.AddWithValue("tokens", fired.Select(f => f.TokenId).ToArray());
        command.Parameters.AddWithValue("dues", fired.Select(f => f.DueAt).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A send failed (the broker is away): the timer stays and is due again at <paramref name="retryAt"/>.</summary>
    public async Task Retry(ScheduledTimer timer, DateTimeOffset retryAt, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE scheduled_timer SET due_at = @retry_at, last_error = left(@error, 500)
            WHERE token_id = @token AND due_at = @leased_until
            """);
        command.Parameters.AddWithValue("token", timer.TokenId);
        command.Parameters.AddWithValue("leased_until", timer.DueAt);
        command.Parameters.AddWithValue("retry_at", retryAt);
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A timer that can never be sent (its message cannot be read) leaves the table for the dead-timer table,
    /// with the reason, in one statement.</summary>
    public async Task Bury(ScheduledTimer timer, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH dead AS (DELETE FROM scheduled_timer WHERE token_id = @token AND due_at = @leased_until RETURNING {Columns})
            INSERT INTO dead_timer ({Columns}, reason, died_at) SELECT {Columns}, left(@reason, 1000), @now FROM dead
            ON CONFLICT (token_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("token", timer.TokenId);
        command.Parameters.AddWithValue("leased_until", timer.DueAt);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>When the next timer falls due, if any.</summary>
    public async Task<DateTimeOffset?> NextDue(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT min(due_at) FROM scheduled_timer");
        var next = await command.ExecuteScalarAsync(cancellationToken);
        return next is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : next as DateTimeOffset?;
    }

    /// <summary>When each of these armed timers falls due; a token without a row has fired or was removed.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> DueTimes(Guid[] tokens, CancellationToken cancellationToken)
    {
        var due = new Dictionary<Guid, DateTimeOffset>();
        if (tokens.Length == 0)
        {
            return due;
        }

        await using var command = dataSource.CreateCommand("SELECT token_id, scheduled_for FROM scheduled_timer WHERE token_id = ANY(@tokens)");
        command.Parameters.AddWithValue("tokens", tokens);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return due;
    }

    /// <summary>Removes the timers of these journeys and answers what they held.</summary>
    public async Task<IReadOnlyList<ScheduledTimer>> RemoveForJourneys(Guid[] journeyIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"DELETE FROM scheduled_timer WHERE journey_id = ANY(@ids) RETURNING {Columns}");
        command.Parameters.AddWithValue("ids", journeyIds);
        return await Read(command, cancellationToken);
    }

    /// <summary>Removes the timers that concern this customer and answers what they held.</summary>
    public async Task<IReadOnlyList<ScheduledTimer>> RemoveForCustomer(string customerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"DELETE FROM scheduled_timer WHERE customer_id = @customer RETURNING {Columns}");
        command.Parameters.AddWithValue("customer", customerId);
        return await Read(command, cancellationToken);
    }

    /// <summary>Synchronous counts for gauges, read in a scrape callback.</summary>
    public long CountRedeliveries() => Count("SELECT count(*) FROM scheduled_timer WHERE is_redelivery");

    public long CountDead() => Count("SELECT count(*) FROM dead_timer");

    private long Count(string sql)
    {
        using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 2;
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<IReadOnlyList<ScheduledTimer>> Read(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var timers = new List<ScheduledTimer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            timers.Add(new ScheduledTimer
            {
                TokenId = reader.GetGuid(0),
                DueAt = reader.GetFieldValue<DateTimeOffset>(1),
                ScheduledFor = reader.GetFieldValue<DateTimeOffset>(2),
                // Rows written for a retired per-journey queue (before the upgrade, or by an old instance during it).
                Destination = LegacyEventQueues.Redirect(new Uri(reader.GetString(3))),
                MessageType = reader.GetString(4),
                Body = reader.GetString(5),
                MessageId = reader.GetGuid(6),
                ConversationId = reader.IsDBNull(7) ? null : reader.GetGuid(7),
                Headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(8)) ?? [],
                JourneyId = reader.IsDBNull(9) ? null : reader.GetGuid(9),
                CustomerId = reader.IsDBNull(10) ? null : reader.GetString(10),
                IsRedelivery = reader.GetBoolean(11),
                Attempts = reader.GetInt32(12),
            });
        }

        return timers;
    }
}

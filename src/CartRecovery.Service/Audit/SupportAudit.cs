using Npgsql;

namespace CartRecovery.Service.Audit;

/// <summary>The <c>support_audit</c> table: one row per support action, written after the action, whatever its result.</summary>
public sealed class SupportAudit(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int MaxPageSize = 1000;

    public async Task Record(string actor, string action, string target, string result)
    {
        // The action happened; its record must not be lost because the caller went away.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO support_audit (occurred_at, actor, action, target, result)
            VALUES (@occurred_at, @actor, @action, @target, @result)
            """);
        command.Parameters.AddWithValue("occurred_at", clock.GetUtcNow());
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("target", target);
        command.Parameters.AddWithValue("result", result);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Entries in <c>[from, to)</c>, oldest first.</summary>
    public async Task<AuditPage> List(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT occurred_at, actor, action, target, result FROM support_audit
            WHERE occurred_at >= @from AND occurred_at < @to
            ORDER BY occurred_at, id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("limit", MaxPageSize + 1);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4)));
        }

        return new AuditPage(entries.Take(MaxPageSize).ToList(), entries.Count > MaxPageSize);
    }
}

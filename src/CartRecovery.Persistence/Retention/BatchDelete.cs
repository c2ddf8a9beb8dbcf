using Npgsql;

namespace CartRecovery.Persistence.Retention;

/// <summary>One bounded delete: at most <c>@batch</c> rows matching the condition, skipping rows another instance
/// or a message transaction holds, so a purge never waits on live work.</summary>
public static class BatchDelete
{
    public static string Sql(string table, string condition) => $"""
        DELETE FROM {table} WHERE ctid = ANY(ARRAY(
            SELECT ctid FROM {table} WHERE {condition} LIMIT @batch FOR UPDATE SKIP LOCKED))
        """;

    /// <summary>Runs a statement from <see cref="Sql"/> with <c>@cutoff</c>, <c>@batch</c> and any further values.</summary>
    public static async Task<int> Execute(NpgsqlDataSource dataSource, string sql, DateTimeOffset cutoff, int batchSize,
        CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("batch", batchSize);
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

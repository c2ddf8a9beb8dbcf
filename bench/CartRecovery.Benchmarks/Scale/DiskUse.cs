using Npgsql;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>Bytes on disk (heap, TOAST and indexes) of the journey tables, the timer table and the rest.</summary>
internal sealed record DiskUse
{
    public required long JourneyBytes { get; init; }
    public required long Journeys { get; init; }
    public required long TimerBytes { get; init; }
    public required long Timers { get; init; }
    public required long DatabaseBytes { get; init; }

    public static async Task<DiskUse> Measure(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            /* bench-probe */ SELECT
                (SELECT sum(pg_total_relation_size(t))::bigint FROM unnest(ARRAY['cart_abandonment_state', 'browse_abandonment_state',
                    'post_purchase_state', 'inactivity_state']::regclass[]) AS t),
                (SELECT count(*) FROM cart_abandonment_state) + (SELECT count(*) FROM browse_abandonment_state)
                    + (SELECT count(*) FROM post_purchase_state) + (SELECT count(*) FROM inactivity_state),
                pg_total_relation_size('scheduled_timer'),
                (SELECT count(*) FROM scheduled_timer),
                pg_database_size(current_database())
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DiskUse
        {
            JourneyBytes = reader.GetInt64(0),
            Journeys = reader.GetInt64(1),
            TimerBytes = reader.GetInt64(2),
            Timers = reader.GetInt64(3),
            DatabaseBytes = reader.GetInt64(4),
        };
    }
}

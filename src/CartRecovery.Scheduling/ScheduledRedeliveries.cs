using Npgsql;

namespace CartRecovery.Scheduling;

/// <summary>Messages that failed because a dependency was away and wait in the timer store to be delivered again.</summary>
public sealed class ScheduledRedeliveries(NpgsqlDataSource dataSource)
{
    /// <summary>Synchronous: gauges are read in a scrape callback.</summary>
    public long Count()
    {
        using var command = dataSource.CreateCommand("SELECT count(*) FROM qrtz_triggers WHERE description = @redelivery");
        command.Parameters.AddWithValue("redelivery", TimerKeys.RedeliveryDescription);
        command.CommandTimeout = 2;
        return (long)command.ExecuteScalar()!;
    }
}

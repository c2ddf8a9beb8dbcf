using Npgsql;

namespace CartRecovery.Dispatcher.Cancellations;

/// <summary>
/// Records the journeys support cancelled, by the ids their emails are requested under. Written before the journey
/// itself hears of the cancel, so an email it requested just before, or one already queued or deferred, is stopped
/// by the dispatcher (<see cref="SupportStops"/>, and the ledger claim) rather than racing the cancel.
/// </summary>
public sealed class CancelledJourneys(NpgsqlDataSource dataSource)
{
    public async Task Add(IEnumerable<Guid> journeyIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO cancelled_journey (journey_id, cancelled_at) SELECT id, @at FROM unnest(@ids) AS id
            ON CONFLICT (journey_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("ids", journeyIds.ToArray());
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

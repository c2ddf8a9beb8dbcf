using CartRecovery.Journeys.Validation;
using Npgsql;

namespace CartRecovery.Persistence.Rejections;

/// <summary>Keeps rejections in the database, on a connection of its own: the message's transaction is about to
/// roll back, and the record must survive it.</summary>
public sealed class DatabaseRejectedEventRecorder(NpgsqlDataSource dataSource, LoggingRejectedEventRecorder log)
    : IRejectedEventRecorder
{
    public async Task RecordAsync(RejectedEvent rejected, CancellationToken cancellationToken)
    {
        await log.RecordAsync(rejected, cancellationToken);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO rejected_event (message_id, message_type, endpoint, errors, rejected_at)
            VALUES (@message_id, @message_type, @endpoint, @errors, @rejected_at)
            """);
        command.Parameters.AddWithValue("message_id", (object?)rejected.MessageId ?? DBNull.Value);
        command.Parameters.AddWithValue("message_type", rejected.MessageType);
        command.Parameters.AddWithValue("endpoint", rejected.Endpoint);
        command.Parameters.AddWithValue("errors", rejected.Errors.ToArray());
        command.Parameters.AddWithValue("rejected_at", rejected.RejectedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

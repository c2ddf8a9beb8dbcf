using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CartRecovery.Persistence.Outbox;

/// <summary>Statements on delivered outbox rows that run outside the message's transaction.</summary>
public static class OutboxRows
{
    /// <summary>Removes a message's delivered outbox rows and marks its inbox row delivered, in one round trip and
    /// one implicit transaction.</summary>
    public static async Task Forget(JourneyDbContext dbContext, Guid inboxMessageId, Guid inboxConsumerId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await dbContext.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)dbContext.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("DELETE FROM outbox_message WHERE inbox_message_id = $1 AND inbox_consumer_id = $2")
                    {
                        Parameters = { new() { Value = inboxMessageId }, new() { Value = inboxConsumerId } },
                    },
                    new NpgsqlBatchCommand("UPDATE inbox_state SET delivered = $1 WHERE message_id = $2 AND consumer_id = $3")
                    {
                        Parameters = { new() { Value = now }, new() { Value = inboxMessageId }, new() { Value = inboxConsumerId } },
                    },
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await dbContext.Database.CloseConnectionAsync();
        }
    }
}

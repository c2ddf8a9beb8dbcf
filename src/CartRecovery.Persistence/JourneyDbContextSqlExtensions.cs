using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CartRecovery.Persistence;

public static class JourneyDbContextSqlExtensions
{
    /// <summary>Runs SQL on the message's own connection and transaction, so it commits with the saga rows, the
    /// outbox and the inbox mark (or rolls back with them).</summary>
    public static async Task<int> ExecuteInMessageTransaction(this JourneyDbContext dbContext, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await dbContext.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)dbContext.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)dbContext.Database.CurrentTransaction?.GetDbTransaction();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using CartRecovery.Persistence.Rows;
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
        await using var command = await CommandInMessageTransaction(dbContext, sql, parameters, cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>As <see cref="ExecuteInMessageTransaction"/>, for writes whose outcome nothing reads: inside a message
    /// transaction they join its batch of writes before the commit instead of taking a round trip each. Later reads
    /// in the same transaction do not see them.</summary>
    public static async Task WriteInMessageTransaction(this JourneyDbContext dbContext, PendingRowWrites writes,
        IReadOnlyList<string> statements, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (dbContext.Database.CurrentTransaction is null)
        {
            foreach (var statement in statements)
            {
                await dbContext.ExecuteInMessageTransaction(statement, cancellationToken, parameters);
            }

            return;
        }

        foreach (var statement in statements)
        {
            var command = new NpgsqlBatchCommand(statement);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            }

            writes.Add(command);
        }
    }

    /// <summary>As <see cref="ExecuteInMessageTransaction"/>, for SQL that returns rows (<c>RETURNING</c> among them).</summary>
    public static async Task<IReadOnlyList<T>> QueryInMessageTransaction<T>(this JourneyDbContext dbContext, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = await CommandInMessageTransaction(dbContext, sql, parameters, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<NpgsqlCommand> CommandInMessageTransaction(JourneyDbContext dbContext, string sql,
        (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await dbContext.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)dbContext.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)dbContext.Database.CurrentTransaction?.GetDbTransaction();
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

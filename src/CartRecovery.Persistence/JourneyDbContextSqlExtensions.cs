using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CartRecovery.Persistence;

public static class JourneyDbContextSqlExtensions
{
    /// <summary>Runs SQL on the message's own connection and transaction, so it commits with the saga rows, the
    /// outbox and the inbox mark (or rolls back with them). Outside a message transaction it runs on its own.</summary>
    public static async Task<int> ExecuteInMessageTransaction(this JourneyDbContext dbContext, MessageConnection message, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using (await message.Turn(cancellationToken))
        {
            await using var command = await CommandInMessageTransaction(dbContext, message, sql, parameters, cancellationToken);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>As <see cref="ExecuteInMessageTransaction"/>, for writes whose outcome nothing reads: inside a message
    /// transaction they join its batch of writes before the commit instead of taking a round trip each. Later reads
    /// in the same transaction do not see them.</summary>
    public static async Task WriteInMessageTransaction(this JourneyDbContext dbContext, MessageConnection message, PendingRowWrites writes,
        IReadOnlyList<string> statements, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (!message.IsOpen)
        {
            foreach (var statement in statements)
            {
                await dbContext.ExecuteInMessageTransaction(message, statement, cancellationToken, parameters);
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

    /// <summary>As <see cref="WriteInMessageTransaction"/>, for a write whose <c>RETURNING</c> rows matter only once it
    /// commits: inside a message transaction it joins the batch of writes, and <paramref name="readRow"/> sees each row
    /// as that batch runs, before its COMMIT; outside one it runs at once.</summary>
    public static async Task WriteReturningInMessageTransaction(this JourneyDbContext dbContext, MessageConnection message,
        PendingRowWrites writes, string sql, Action<NpgsqlDataReader> readRow, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        if (!message.IsOpen)
        {
            await dbContext.QueryInMessageTransaction(message, sql, reader =>
            {
                readRow(reader);
                return true;
            }, cancellationToken, parameters);
            return;
        }

        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        writes.AddReturning(command, readRow);
    }

    /// <summary>As <see cref="ExecuteInMessageTransaction"/>, for SQL that returns rows (<c>RETURNING</c> among them).</summary>
    public static async Task<IReadOnlyList<T>> QueryInMessageTransaction<T>(this JourneyDbContext dbContext, MessageConnection message, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using (await message.Turn(cancellationToken))
        {
            await using var command = await CommandInMessageTransaction(dbContext, message, sql, parameters, cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

    private static async Task<NpgsqlCommand> CommandInMessageTransaction(JourneyDbContext dbContext, MessageConnection message, string sql,
        (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        NpgsqlCommand command;
        if (message.IsOpen)
        {
            command = new NpgsqlCommand(sql, message.Connection, message.Transaction);
        }
        else
        {
            await dbContext.Database.OpenConnectionAsync(cancellationToken);
            command = new NpgsqlCommand(sql, (NpgsqlConnection)dbContext.Database.GetDbConnection());
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

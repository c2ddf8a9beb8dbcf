using Npgsql;

namespace CartRecovery.Persistence.Rows;

/// <summary>
/// Row writes of the current message transaction (journey updates, deletes and new journeys, the inbox row, outbox
/// rows, timers), sent in one batch just before it commits, on the transaction's own connection: one round trip for
/// every row the event touched, and the <c>COMMIT</c> itself when the owner asks for it. A write whose <c>RETURNING</c>
/// rows matter is read as the batch runs, before its commit.
/// </summary>
public sealed class PendingRowWrites
{
    private const string Commit = "COMMIT";

    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly List<string> _exactlyOne = [];
    private readonly List<(NpgsqlBatchCommand Command, Action<NpgsqlDataReader> ReadRow)> _returning = [];

    public bool IsEmpty => _commands.Count == 0 && _returning.Count == 0;

    public void Add(NpgsqlBatchCommand command) => _commands.Add(command);

    /// <summary>Adds a statement that must write exactly one row and fails in the database when it writes none
    /// (<see cref="RowMapping{T}.ExactlyOne"/>): a count checked after the batch would come after its commit.</summary>
    /// <param name="what">What the statement writes, for the error.</param>
    public void AddExactlyOne(NpgsqlBatchCommand command, string what)
    {
        _commands.Add(command);
        _exactlyOne.Add(what);
    }

    /// <summary>Adds a statement that returns rows (<c>RETURNING</c>); <paramref name="readRow"/> sees each of them when
    /// the batch runs. These statements run first, so their rows are the batch's first result sets whatever the other
    /// statements return. A batch that fails after them rolls back what they wrote; what the reader kept is for
    /// after the commit, and the caller drops it with the rollback.</summary>
    public void AddReturning(NpgsqlBatchCommand command, Action<NpgsqlDataReader> readRow) => _returning.Add((command, readRow));

    /// <summary>Adds a statement that must run before the batch's other writes (only those that return rows run
    /// before it).</summary>
    public void AddFirst(NpgsqlBatchCommand command) => _commands.Insert(0, command);

    /// <summary>Hands every statement to another batch (a transaction shared with other messages) and forgets them.</summary>
    public void MoveTo(PendingRowWrites target)
    {
        target._commands.AddRange(_commands);
        target._exactlyOne.AddRange(_exactlyOne);
        target._returning.AddRange(_returning);
        Clear();
    }

    public void Clear()
    {
        _commands.Clear();
        _exactlyOne.Clear();
        _returning.Clear();
    }

    /// <param name="commit">Ends the batch with the transaction's <c>COMMIT</c>: the transaction is over when this
    /// returns, and a statement that fails leaves it rolled back instead.</param>
    public async Task Flush(NpgsqlConnection connection, NpgsqlTransaction transaction, bool commit, CancellationToken cancellationToken)
    {
        if (IsEmpty && !commit)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (command, _) in _returning)
        {
            batch.BatchCommands.Add(command);
        }

        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }

        if (commit)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Commit));
        }

        try
        {
            if (_returning.Count == 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                await ExecuteReading(batch, cancellationToken);
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DivisionByZero && _exactlyOne.Count > 0)
        {
            // Npgsql names the failed statement only when told to keep its parameters, which may be personal data.
            throw new InvalidOperationException($"One of these rows was not there to write: {string.Join(", ", _exactlyOne)}.", exception);
        }
        finally
        {
            // The batch owned the commands; an attempt after a failure starts from nothing.
            batch.BatchCommands.Clear();
            Clear();
        }
    }

    private async Task ExecuteReading(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var (_, readRow) in _returning)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                readRow(reader);
            }

            await reader.NextResultAsync(cancellationToken);
        }

        // Read to the end, so that a failure later in the batch, its COMMIT's among them, surfaces here and not in the
        // reader's disposal.
        while (await reader.NextResultAsync(cancellationToken))
        {
        }
    }
}

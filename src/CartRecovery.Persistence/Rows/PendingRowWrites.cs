using Npgsql;

namespace CartRecovery.Persistence.Rows;

/// <summary>
/// Row writes of the current message transaction (journey updates, deletes and new journeys, the inbox row, outbox
/// rows, timers), sent in one batch just before it commits, on the transaction's own connection: one round trip for
/// every row the event touched, and the <c>COMMIT</c> itself when the owner asks for it.
/// </summary>
public sealed class PendingRowWrites
{
    private const string Commit = "COMMIT";

    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly List<string> _exactlyOne = [];

    public bool IsEmpty => _commands.Count == 0;

    public void Add(NpgsqlBatchCommand command) => _commands.Add(command);

    /// <summary>Adds a statement that must write exactly one row and fails in the database when it writes none
    /// (<see cref="RowMapping{T}.ExactlyOne"/>): a count checked after the batch would come after its commit.</summary>
    /// <param name="what">What the statement writes, for the error.</param>
    public void AddExactlyOne(NpgsqlBatchCommand command, string what)
    {
        _commands.Add(command);
        _exactlyOne.Add(what);
    }

    /// <summary>Adds a statement that must run before every other one in the batch.</summary>
    public void AddFirst(NpgsqlBatchCommand command) => _commands.Insert(0, command);

    /// <summary>Hands every statement to another batch (a transaction shared with other messages) and forgets them.</summary>
    public void MoveTo(PendingRowWrites target)
    {
        target._commands.AddRange(_commands);
        target._exactlyOne.AddRange(_exactlyOne);
        Clear();
    }

    public void Clear()
    {
        _commands.Clear();
        _exactlyOne.Clear();
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
            await batch.ExecuteNonQueryAsync(cancellationToken);
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
}

using Npgsql;

namespace CartRecovery.Persistence.Rows;

/// <summary>
/// Row writes of the current message transaction (journey updates, deletes and new journeys), sent in one batch
/// just before it commits, on the transaction's own connection: one round trip for every journey the event touched.
/// </summary>
public sealed class PendingRowWrites
{
    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly List<string?> _mustAffectOne = [];

    public bool IsEmpty => _commands.Count == 0;

    /// <param name="mustAffectOne">What the statement writes, when it must write exactly one row; a different count
    /// fails the transaction with that description.</param>
    public void Add(NpgsqlBatchCommand command, string? mustAffectOne = null)
    {
        _commands.Add(command);
        _mustAffectOne.Add(mustAffectOne);
    }

    /// <summary>Adds a statement that must run before every other one in the batch.</summary>
    public void AddFirst(NpgsqlBatchCommand command)
    {
        _commands.Insert(0, command);
        _mustAffectOne.Insert(0, null);
    }

    public void Clear()
    {
        _commands.Clear();
        _mustAffectOne.Clear();
    }

    public async Task Flush(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (IsEmpty)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            for (var i = 0; i < _commands.Count; i++)
            {
                if (_mustAffectOne[i] is { } what && _commands[i].RecordsAffected != 1)
                {
                    throw new InvalidOperationException($"{what} wrote {_commands[i].RecordsAffected} rows instead of one.");
                }
            }
        }
        finally
        {
            // The batch owned the commands; an attempt after a failure starts from nothing.
            batch.BatchCommands.Clear();
            Clear();
        }
    }
}

using Npgsql;

namespace CartRecovery.Persistence.Sagas;

/// <summary>The journey rows the current message transaction loaded and locked before its journeys ran
/// (<see cref="JourneyRowPrefetch"/>). A journey's load takes its row from here; a row known not to exist costs no
/// statement either.</summary>
public sealed class PrefetchedJourneyRows
{
    private readonly Dictionary<(Type Journey, Guid Key), object?> _rows = [];

    public void Clear() => _rows.Clear();

    public async Task Load(JourneyDbContext dbContext, NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<JourneyRowKey> rows, CancellationToken cancellationToken)
    {
        _rows.Clear();
        if (rows.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var row in rows)
        {
            batch.BatchCommands.Add(row.Correlation.LoadAndLock(dbContext, row.Key));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var row in rows)
        {
            _rows[(row.Correlation.JourneyType, row.Key)] = await reader.ReadAsync(cancellationToken) ? row.Correlation.Read(dbContext, reader) : null;
            await reader.NextResultAsync(cancellationToken);
        }
    }

    /// <summary>A row loaded for this message by the transaction it shares with others (<see cref="Outbox.TransactionGroup"/>).</summary>
    public void Add(Type journeyType, Guid key, object? row) => _rows[(journeyType, key)] = row;

    /// <summary>The row loaded for this transaction, handed out once: true with the row, or with null when it did
    /// not exist; false when it was not loaded.</summary>
    public bool TryTake<TSaga>(Guid key, out TSaga? row)
        where TSaga : class
    {
        if (_rows.Remove((typeof(TSaga), key), out var loaded))
        {
            row = (TSaga?)loaded;
            return true;
        }

        row = null;
        return false;
    }

    /// <summary>Whether the row was loaded and exists; a journey about to insert it loads it instead.</summary>
    public bool Exists<TSaga>(Guid key)
        where TSaga : class =>
        _rows.TryGetValue((typeof(TSaga), key), out var loaded) && loaded is not null;

    /// <summary>Forgets what is known of a row this transaction is about to write itself.</summary>
    public void Forget<TSaga>(Guid key)
        where TSaga : class =>
        _rows.Remove((typeof(TSaga), key));
}

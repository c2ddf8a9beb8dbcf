using CartRecovery.Persistence.Rows;
using Npgsql;

namespace CartRecovery.Persistence.Sagas;

/// <summary>The journey rows the current message transaction loaded and locked before its journeys ran
/// (<see cref="JourneyRowPrefetch"/>). A journey's load takes its row from here; a row known not to exist costs no
/// statement either. It also keeps what each row held when it was read, so its update writes only what changed.</summary>
public sealed class PrefetchedJourneyRows
{
    private readonly Dictionary<(Type Journey, Guid Key), object?> _rows = [];
    private readonly Dictionary<object, RowSnapshot> _originals = new(ReferenceEqualityComparer.Instance);

    public void Clear()
    {
        _rows.Clear();
        _originals.Clear();
    }

    public Task Load(JourneyDbContext dbContext, NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<JourneyRowKey> rows, CancellationToken cancellationToken)
    {
        Clear();
        return LoadAll(dbContext, connection, transaction, [.. rows.Select(row => (this, row))], cancellationToken);
    }

    /// <summary>Loads and locks the rows of one or more messages in one round trip, a statement per journey type, in
    /// one fixed order (journey type, then key), and hands each message its own. A transaction alone and one shared by
    /// several messages (<see cref="Outbox.TransactionGroup"/>) lock in the same order.</summary>
    public static async Task LoadAll(JourneyDbContext dbContext, NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<(PrefetchedJourneyRows Into, JourneyRowKey Row)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var byJourney = rows
            .GroupBy(x => x.Row.Correlation.JourneyType)
            .OrderBy(g => g.Key.FullName, StringComparer.Ordinal)
            .ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var journey in byJourney)
        {
            // Locked in this order, the same on every host.
            var keys = journey.Select(x => x.Row.Key).Distinct().Order().ToArray();
            batch.BatchCommands.Add(journey.First().Row.Correlation.LoadAndLockAll(dbContext, keys));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var journey in byJourney)
        {
            var correlation = journey.First().Row.Correlation;
            var found = new Dictionary<Guid, (object Row, RowSnapshot Original)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var loaded = correlation.Read(dbContext, reader, out var original);
                found[correlation.KeyOf(loaded)] = (loaded, original);
            }

            foreach (var (into, row) in journey)
            {
                // Each message gets its own instance: the journeys change what they load.
                if (found.Remove(row.Key, out var loaded))
                {
                    into._rows[(journey.Key, row.Key)] = loaded.Row;
                    into._originals[loaded.Row] = loaded.Original;
                }
                else
                {
                    into._rows[(journey.Key, row.Key)] = null;
                }
            }

            await reader.NextResultAsync(cancellationToken);
        }
    }

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

    /// <summary>Keeps what a row loaded on its own (not prefetched) held.</summary>
    public void Remember(object row, RowSnapshot original) => _originals[row] = original;

    /// <summary>What this row held when this transaction read it; null for a row it did not read (a new journey).</summary>
    public RowSnapshot? OriginalOf(object row) => _originals.GetValueOrDefault(row);

    /// <summary>Forgets what is known of a row this transaction is about to write itself.</summary>
    public void Forget<TSaga>(Guid key)
        where TSaga : class =>
        _rows.Remove((typeof(TSaga), key));
}

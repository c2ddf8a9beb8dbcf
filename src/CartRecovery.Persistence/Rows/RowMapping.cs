using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CartRecovery.Persistence.Rows;

/// <summary>
/// The statements that load, insert, update and delete one entity's rows by primary key, built once per type from
/// the EF model, so table and column names keep a single source. The hot path (a journey's row for every event)
/// runs them as plain prepared Npgsql commands; EF stays for queries and everything else.
/// </summary>
public sealed class RowMapping<T>
    where T : class
{
    private static readonly ConcurrentDictionary<IModel, RowMapping<T>> ByModel = new();

    private readonly RowColumn[] _columns;
    private readonly RowColumn[] _insertColumns;
    private readonly ConcurrentDictionary<int, string> _insertAll = new();
    private readonly ConcurrentDictionary<ulong, string> _updateOf = new();
    private readonly string _qualified;

    private RowMapping(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()?.Properties is [var single]
            ? single
            : throw new InvalidOperationException($"{entity.DisplayName()} needs a single-column primary key for row statements.");
        // The key first: $1 is the key in every statement.
        _columns = [RowColumn.For(key, table), .. entity.GetProperties().Where(p => p != key).Select(p => RowColumn.For(p, table))];
        // A key the database generates (identity) is left out of inserts.
        _insertColumns = key.ValueGenerated == ValueGenerated.OnAdd ? _columns[1..] : _columns;
        var qualified = _qualified = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
        ColumnList = string.Join(", ", _columns.Select(c => c.Name));
        var keyName = _columns[0].Name;
        SelectForUpdate = $"SELECT {ColumnList} FROM {qualified} WHERE {keyName} = $1 FOR UPDATE";
        // One locked index lookup per key, in the order of the keys given (the caller sorts them). Not "= ANY($1)":
        // the plan PostgreSQL caches for a prepared statement is made while the table is small, and for a list of
        // keys on a small table it is a sequential scan, kept after the table has grown. A lateral subquery that
        // locks cannot be merged into a join, so every plan looks up each key by its index.
        SelectAllForUpdate = $"SELECT found.* FROM unnest($1) AS wanted(key) CROSS JOIN LATERAL (SELECT {ColumnList} FROM {qualified} WHERE {keyName} = wanted.key FOR UPDATE) AS found";
        Insert = $"INSERT INTO {qualified} ({string.Join(", ", _insertColumns.Select(c => c.Name))}) VALUES ({string.Join(", ", _insertColumns.Select((_, i) => $"${i + 1}"))})";
        InsertIfMissing = $"{Insert} ON CONFLICT ({keyName}) DO NOTHING";
        Update = $"UPDATE {qualified} SET {string.Join(", ", _columns.Skip(1).Select((c, i) => $"{c.Name} = ${i + 2}"))} WHERE {keyName} = $1";
        UpdateExactlyOne = ExactlyOne(Update);
        Delete = $"DELETE FROM {qualified} WHERE {keyName} = $1";
    }

    /// <summary>Every column in the order <see cref="Read"/> expects them, for a statement's select list or RETURNING.</summary>
    public string ColumnList { get; }

    /// <summary>Loads the row and locks it until the transaction ends. Its one parameter is the key.</summary>
    public string SelectForUpdate { get; }

    /// <summary>As <see cref="SelectForUpdate"/>, for every key in its one parameter (an array), locked in the array's order.</summary>
    public string SelectAllForUpdate { get; }

    public string Insert { get; }

    /// <summary>Inserts unless the key exists; the statement affects no row then, and the transaction stays usable.</summary>
    public string InsertIfMissing { get; }

    public string Update { get; }

    /// <summary><see cref="Update"/>, failing with division by zero when the row is not there
    /// (<see cref="ExactlyOne"/>).</summary>
    public string UpdateExactlyOne { get; }

    public string Delete { get; }

    /// <summary>A data-modifying statement (without RETURNING) that fails in the database, with division by zero,
    /// when it writes no row: in a batch that ends with its COMMIT, nothing can check the count before the commit.</summary>
    public static string ExactlyOne(string write) => $"WITH written AS ({write} RETURNING 1) SELECT 1 / count(*) FROM written";

    public static RowMapping<T> For(DbContext dbContext) =>
        ByModel.GetOrAdd(dbContext.Model, model => new RowMapping<T>(
            model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped in {dbContext.GetType().Name}.")));

    public T Read(NpgsqlDataReader reader)
    {
        var instance = Activator.CreateInstance<T>();
        for (var ordinal = 0; ordinal < _columns.Length; ordinal++)
        {
            _columns[ordinal].Read(reader, ordinal, instance);
        }

        return instance;
    }

    /// <summary><see cref="Read(NpgsqlDataReader)"/>, with what the row held, for <see cref="ForUpdate(T, RowSnapshot?)"/>.</summary>
    public T Read(NpgsqlDataReader reader, out RowSnapshot original)
    {
        var instance = Read(reader);
        var values = new object?[_columns.Length];
        for (var ordinal = 1; ordinal < _columns.Length; ordinal++)
        {
            values[ordinal] = _columns[ordinal].Snapshot(instance);
        }

        original = new RowSnapshot(values);
        return instance;
    }

    /// <summary>One of the insert statements with the row's values.</summary>
    public NpgsqlBatchCommand ForInsert(string sql, T instance) => WithValues(sql, _insertColumns, instance);

    /// <summary>One insert of every row (<c>VALUES (…), (…)</c>), with their values in order.</summary>
    public NpgsqlBatchCommand ForInsertAll(IReadOnlyList<T> instances)
    {
        var command = new NpgsqlBatchCommand(_insertAll.GetOrAdd(instances.Count, InsertOf));
        foreach (var instance in instances)
        {
            foreach (var column in _insertColumns)
            {
                command.Parameters.Add(column.Parameter(instance));
            }
        }

        return command;
    }

    /// <summary><see cref="UpdateExactlyOne"/> with the row's values.</summary>
    public NpgsqlBatchCommand ForUpdate(T instance) => WithValues(UpdateExactlyOne, _columns, instance);

    /// <summary>As <see cref="ForUpdate(T)"/>, writing only the columns that differ from <paramref name="original"/>
    /// (what the row held when this transaction read and locked it); every column without it. A cart's update changes
    /// a handful of its two dozen columns, and every parameter costs the service and PostgreSQL work.</summary>
    public NpgsqlBatchCommand ForUpdate(T instance, RowSnapshot? original)
    {
        if (original is null || _columns.Length > 64)
        {
            return ForUpdate(instance);
        }

        var changed = 0UL;
        for (var ordinal = 1; ordinal < _columns.Length; ordinal++)
        {
            if (_columns[ordinal].Changed(instance, original[ordinal]))
            {
                changed |= 1UL << ordinal;
            }
        }

        if (changed == 0)
        {
            return ForUpdate(instance);
        }

        var command = new NpgsqlBatchCommand(_updateOf.GetOrAdd(changed, UpdateOf));
        command.Parameters.Add(_columns[0].Parameter(instance));
        for (var ordinal = 1; ordinal < _columns.Length; ordinal++)
        {
            if ((changed & (1UL << ordinal)) != 0)
            {
                command.Parameters.Add(_columns[ordinal].Parameter(instance));
            }
        }

        return command;
    }

    public NpgsqlBatchCommand ForDelete(T instance)
    {
        var command = new NpgsqlBatchCommand(Delete);
        command.Parameters.Add(_columns[0].Parameter(instance));
        return command;
    }

    // One statement text per set of changed columns, so each set is prepared once.
    private string UpdateOf(ulong changed)
    {
        var set = Enumerable.Range(1, _columns.Length - 1)
            .Where(ordinal => (changed & (1UL << ordinal)) != 0)
            .Select((ordinal, position) => $"{_columns[ordinal].Name} = ${position + 2}");
        return ExactlyOne($"UPDATE {_qualified} SET {string.Join(", ", set)} WHERE {_columns[0].Name} = $1");
    }

    // One statement text per row count, so each count is prepared once.
    private string InsertOf(int rows)
    {
        var width = _insertColumns.Length;
        var values = Enumerable.Range(0, rows)
            .Select(row => $"({string.Join(", ", Enumerable.Range(row * width + 1, width).Select(n => $"${n}"))})");
        return $"{Insert[..Insert.IndexOf(" VALUES ", StringComparison.Ordinal)]} VALUES {string.Join(", ", values)}";
    }

    private static NpgsqlBatchCommand WithValues(string sql, RowColumn[] columns, T instance)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var column in columns)
        {
            command.Parameters.Add(column.Parameter(instance));
        }

        return command;
    }
}

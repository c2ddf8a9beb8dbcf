using System.Data;
using CartRecovery.Persistence.Rows;
using CartRecovery.Persistence.Sagas;
using Npgsql;

namespace CartRecovery.Persistence.Outbox;

/// <summary>
/// One READ COMMITTED transaction that several messages of an endpoint share, each for a different customer (the
/// endpoint's partitioner never runs two of one customer's messages at once): the journey rows of all of them are
/// loaded and locked in one round trip, and all of their writes go with the <c>COMMIT</c> in one more. The saving is
/// round trips and commits; what each message writes is unchanged. It commits only when every member handed in its
/// writes: a member that fails rolls back the others too, and each of those runs again in a transaction of its own.
/// </summary>
public sealed class TransactionGroup(Action ended)
{
    private readonly Lock _sync = new();
    private readonly List<TransactionGroupMember> _members = [];
    private readonly HashSet<(Type Journey, Guid Key)> _rows = [];
    private readonly PendingRowWrites _writes = new();
    private readonly List<InboxState> _inboxRows = [];
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _settled;
    private Exception? _failure;

    /// <summary>Turns on the shared connection for statements a member runs while its consumers do.</summary>
    public SemaphoreSlim Turns { get; } = new(1, 1);

    public NpgsqlConnection? Connection { get; private set; }

    public NpgsqlTransaction? Transaction { get; private set; }

    public int Count => _members.Count;

    /// <summary>Completes when the transaction is open and every member's rows are loaded.</summary>
    public Task Opened => _opened.Task;

    /// <summary>Only while the group is forming (<see cref="TransactionGroups"/> holds its lock).</summary>
    internal void Add(TransactionGroupMember member)
    {
        _members.Add(member);
        foreach (var row in member.Rows)
        {
            _rows.Add((row.Correlation.JourneyType, row.Key));
        }
    }

    /// <summary>Whether a member already loads one of these rows. Two members of one transaction would both own its
    /// lock, and the second write would silently replace the first.</summary>
    internal bool Loads(IReadOnlyList<JourneyRowKey> rows) => rows.Any(row => _rows.Contains((row.Correlation.JourneyType, row.Key)));

    /// <summary>Opens the transaction and loads every member's rows, in one fixed order (journey type, then key) so
    /// two groups, or a group and a message of its own, lock rows in the same order. Never throws: a failure faults
    /// <see cref="Opened"/> for every member.</summary>
    public async Task Open(NpgsqlDataSource dataSource)
    {
        try
        {
            Connection = await dataSource.OpenConnectionAsync();
            Transaction = await Connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);
            await LoadRows(Connection, Transaction);
            _opened.SetResult();
        }
        catch (Exception exception)
        {
            await Close(rollBack: true);
            _opened.SetException(exception);
            ended();
        }
    }

    /// <summary>Hands in a member's inbox row and writes, and waits for the shared commit; throws what failed it.</summary>
    public async Task Commit(InboxState inbox, PendingRowWrites writes)
    {
        bool last;
        lock (_sync)
        {
            _inboxRows.Add(inbox);
            writes.MoveTo(_writes);
            last = ++_settled == _members.Count;
        }

        if (last)
        {
            await End();
        }

        await _ended.Task;
    }

    /// <summary>A member failed before handing in its writes: the group rolls back once every member has settled.</summary>
    public async Task Leave(Exception reason)
    {
        bool last;
        lock (_sync)
        {
            _failure ??= reason;
            last = ++_settled == _members.Count;
        }

        if (last)
        {
            await End();
        }
    }

    // One statement per journey type for every member's rows of that type: a group of five item events loads its
    // carts, browses and win-backs in three statements instead of a dozen.
    private Task LoadRows(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        foreach (var member in _members)
        {
            member.Loaded.Clear();
        }

        return PrefetchedJourneyRows.LoadAll(_members[0].DbContext, connection, transaction,
            [.. _members.SelectMany(member => member.Rows.Select(row => (member.Loaded, row)))], CancellationToken.None);
    }

    private async Task End()
    {
        try
        {
            if (_failure is not null)
            {
                await Close(rollBack: true);
                _ended.SetException(new TransactionGroupFailedException(_failure));
                return;
            }

            // Every member's inbox row in one statement, before the other writes: a copy of a consumed message collides
            // there. Then the writes, and the COMMIT, in one round trip.
            _writes.AddFirst(RowMapping<InboxState>.For(_members[0].DbContext).ForInsertAll(_inboxRows));
            await _writes.Flush(Connection!, Transaction!, commit: true, CancellationToken.None);
            await Close(rollBack: false);
            _ended.SetResult();
        }
        catch (Exception exception)
        {
            await Close(rollBack: true);
            _ended.SetException(exception);
        }
        finally
        {
            ended();
        }
    }

    // A failed batch may have taken the transaction with it; the error that matters is the one that failed the group.
    private async Task Close(bool rollBack)
    {
        try
        {
            if (rollBack && Transaction is { Connection: not null })
            {
                await Transaction.RollbackAsync();
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or NpgsqlException)
        {
            // Rolled back with the connection, or by the failure itself.
        }
        finally
        {
            if (Transaction is not null)
            {
                await Transaction.DisposeAsync();
            }

            if (Connection is not null)
            {
                await Connection.DisposeAsync();
            }
        }
    }
}

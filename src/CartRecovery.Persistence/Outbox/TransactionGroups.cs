using Npgsql;

namespace CartRecovery.Persistence.Outbox;

/// <summary>
/// Forms the shared transactions of one endpoint (<see cref="TransactionGroup"/>). A message joins the group that is
/// forming. The forming group opens as soon as fewer than <see cref="GroupsAtOnce"/> groups are open, or when it is
/// full: so while one group commits, the messages arriving meanwhile gather into the next. Nothing waits on a timer:
/// a lone message on an idle endpoint opens its transaction at once.
/// </summary>
public sealed class TransactionGroups(NpgsqlDataSource dataSource, int maxMembers)
{
    /// <summary>One group loading or running its journeys while the one before it commits.</summary>
    public const int GroupsAtOnce = 2;

    private readonly Lock _sync = new();
    private TransactionGroup? _forming;
    private int _open;

    /// <summary>Joins a group and returns it once its transaction is open with the member's rows loaded. Two members of
    /// one group never load the same journey row.</summary>
    public async Task<TransactionGroup> Join(TransactionGroupMember member)
    {
        TransactionGroup group;
        TransactionGroup? overlapping = null;
        var openNow = false;
        lock (_sync)
        {
            // The partition per customer keeps one customer's messages apart; should two of them still meet, the
            // group before opens now and the later one waits in the database for its rows instead.
            if (_forming is not null && _forming.Loads(member.Rows))
            {
                overlapping = _forming;
                _forming = null;
                _open++;
            }

            group = _forming ??= new TransactionGroup(Ended);
            group.Add(member);
            if (_open < GroupsAtOnce || group.Count >= maxMembers)
            {
                _forming = null;
                _open++;
                openNow = true;
            }
        }

        if (overlapping is not null)
        {
            OpenInBackground(overlapping);
        }

        if (openNow)
        {
            OpenInBackground(group);
        }

        await group.Opened;
        return group;
    }

    private void Ended()
    {
        TransactionGroup? next = null;
        lock (_sync)
        {
            _open--;
            if (_forming is not null && _open < GroupsAtOnce)
            {
                next = _forming;
                _forming = null;
                _open++;
            }
        }

        if (next is not null)
        {
            OpenInBackground(next);
        }
    }

    private void OpenInBackground(TransactionGroup group)
    {
        // Not in a member's execution context: what it holds (its timer buffer among them) must not leak into work
        // that outlives it.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => group.Open(dataSource));
        }
    }
}

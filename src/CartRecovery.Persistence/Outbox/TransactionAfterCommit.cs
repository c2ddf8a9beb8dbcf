using CartRecovery.Journeys.Telemetry;

namespace CartRecovery.Persistence.Outbox;

/// <summary>Holds the after-commit work of one message's current inbox/outbox pass until the pass's transaction
/// commits (then runs it) or rolls back (then drops it).</summary>
public sealed class TransactionAfterCommit : IAfterCommit
{
    private readonly List<Action> _actions = [];

    public void Add(Action action) => _actions.Add(action);

    public void Committed()
    {
        var actions = _actions.ToArray();
        _actions.Clear();
        foreach (var action in actions)
        {
            action();
        }
    }

    public void RolledBack() => _actions.Clear();
}

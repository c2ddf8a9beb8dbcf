using CartRecovery.Journeys.Telemetry;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Persistence.Outbox;

/// <summary>Holds the after-commit work of one message's current inbox/outbox pass until the pass's transaction
/// commits (then runs it) or rolls back (then drops it). The message is committed by then, so a failing action is
/// logged and never turns into a retry.</summary>
public sealed partial class TransactionAfterCommit(ILogger<TransactionAfterCommit> logger) : IAfterCommit
{
    private readonly List<Action> _actions = [];

    public void Add(Action action) => _actions.Add(action);

    public void Committed()
    {
        // Runs after every pass of every message; most have nothing waiting.
        if (_actions.Count == 0)
        {
            return;
        }

        var actions = _actions.ToArray();
        _actions.Clear();
        foreach (var action in actions)
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                LogActionFailed(logger, exception);
            }
        }
    }

    public void RolledBack() => _actions.Clear();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work after a committed message transaction failed; the message itself is done")]
    private static partial void LogActionFailed(ILogger logger, Exception exception);
}

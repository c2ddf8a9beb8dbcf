namespace CartRecovery.Persistence.Outbox;

/// <summary>One participant's part in one message transaction.</summary>
public interface IJourneyTransactionEnlistment : IDisposable
{
    /// <summary>Last writes before commit: whatever needs a shared lock should take it here, so the lock is held
    /// for the commit alone, not for the whole message.</summary>
    Task BeforeCommit(CancellationToken cancellationToken);
}

using CartRecovery.Persistence.Rows;

namespace CartRecovery.Persistence.Outbox;

/// <summary>One participant's part in one message transaction.</summary>
public interface IJourneyTransactionEnlistment : IDisposable
{
    /// <summary>Last writes before commit, added to the batch that carries the journeys' rows, the outbox and the
    /// inbox mark: one round trip for all of them.</summary>
    void BeforeCommit(PendingRowWrites writes);
}

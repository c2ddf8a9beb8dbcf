using System.Data.Common;

namespace CartRecovery.Persistence.Outbox;

/// <summary>Something that writes in the message's own transaction (the scheduler's triggers), so it commits or
/// rolls back with the saga row and the outbox. <see cref="Enlist"/> must be synchronous: enlistment flows
/// through the async context of the caller.</summary>
public interface IJourneyTransactionParticipant
{
    IJourneyTransactionEnlistment Enlist(DbTransaction transaction);
}

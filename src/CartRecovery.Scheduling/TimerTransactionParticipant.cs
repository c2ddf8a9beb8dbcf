using System.Data.Common;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;

namespace CartRecovery.Scheduling;

/// <summary>Timers scheduled or cancelled while a message is processed are written in that message's transaction,
/// in its one batch just before commit: a saga that rolls back leaves no timer, a committed one never lacks its timer.</summary>
public sealed class TimerTransactionParticipant : IJourneyTransactionParticipant
{
    public IJourneyTransactionEnlistment Enlist(DbTransaction transaction) => new Enlistment(TimerWriteBuffer.Begin());

    private sealed class Enlistment(TimerWriteBuffer buffer) : IJourneyTransactionEnlistment
    {
        public void BeforeCommit(PendingRowWrites writes)
        {
            // Sealed first: a write arriving from now on is not part of this commit and goes to the table itself.
            buffer.Close();
            foreach (var command in TimerTable.Commands(buffer))
            {
                writes.Add(command);
            }

            buffer.Clear();
        }

        public void Dispose() => buffer.Close();
    }
}

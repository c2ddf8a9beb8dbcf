using System.Data.Common;
using CartRecovery.Persistence.Outbox;
using Npgsql;

namespace CartRecovery.Scheduling;

/// <summary>Timers scheduled or cancelled while a message is processed are written in that message's transaction,
/// in one batch just before commit: a saga that rolls back leaves no timer, a committed one never lacks its timer.</summary>
public sealed class TimerTransactionParticipant(TimerTable table) : IJourneyTransactionParticipant
{
    public IJourneyTransactionEnlistment Enlist(DbTransaction transaction) =>
        new Enlistment(table, (NpgsqlTransaction)transaction, TimerWriteBuffer.Begin());

    private sealed class Enlistment(TimerTable table, NpgsqlTransaction transaction, TimerWriteBuffer buffer) : IJourneyTransactionEnlistment
    {
        public Task BeforeCommit(CancellationToken cancellationToken) =>
            table.Write(buffer, transaction.Connection, transaction, cancellationToken);

        public void Dispose() => TimerWriteBuffer.End();
    }
}

using System.Data.Common;
using CartRecovery.Persistence.Outbox;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>Triggers written while a message is processed go into that message's transaction: a saga that rolls
/// back leaves no timer behind, and a committed one never lacks its timer. They are written last (see
/// <see cref="TimerWriteBuffer"/>).</summary>
public sealed class QuartzTransactionParticipant(QuartzSchedulerHolder holder) : IJourneyTransactionParticipant
{
    public IJourneyTransactionEnlistment Enlist(DbTransaction transaction) =>
        new Enlistment(holder.Scheduler.EnlistTransaction(transaction), TimerWriteBuffer.Begin());

    private sealed class Enlistment(IDisposable quartzScope, TimerWriteBuffer buffer) : IJourneyTransactionEnlistment
    {
        public Task BeforeCommit(CancellationToken cancellationToken) => buffer.Flush(cancellationToken);

        public void Dispose()
        {
            TimerWriteBuffer.End();
            quartzScope.Dispose();
        }
    }
}

using System.Data.Common;
using CartRecovery.Persistence.Outbox;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>Triggers written while a message is processed go into that message's transaction: a saga that rolls
/// back leaves no timer behind, and a committed one never lacks its timer.</summary>
public sealed class QuartzTransactionParticipant(QuartzSchedulerHolder holder) : IJourneyTransactionParticipant
{
    public IDisposable Enlist(DbTransaction transaction) => holder.Scheduler.EnlistTransaction(transaction);
}

using CartRecovery.Persistence.Rows;
using CartRecovery.Persistence.Sagas;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Persistence.Outbox;

/// <summary>What one pass of a message through its transaction works with: the message, its scope and the scope's
/// per-transaction state.</summary>
public sealed record MessagePass(
    ConsumeContext Context,
    Guid MessageId,
    IServiceScope Scope,
    JourneyDbContext DbContext,
    TransactionAfterCommit AfterCommit,
    PendingRowWrites RowWrites,
    PrefetchedJourneyRows Prefetched,
    MessageConnection Connection,
    TimeProvider Clock);

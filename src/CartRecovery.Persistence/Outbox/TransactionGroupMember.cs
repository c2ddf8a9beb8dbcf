using CartRecovery.Persistence.Sagas;

namespace CartRecovery.Persistence.Outbox;

/// <summary>One message in a shared transaction: the journey rows it will load, and where they go once loaded.</summary>
public sealed record TransactionGroupMember(IReadOnlyList<JourneyRowKey> Rows, PrefetchedJourneyRows Loaded, JourneyDbContext DbContext);

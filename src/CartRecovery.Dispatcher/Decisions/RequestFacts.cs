using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Profiles;
using CartRecovery.Dispatcher.Cancellations;
using CartRecovery.Dispatcher.Ledger;

namespace CartRecovery.Dispatcher.Decisions;

/// <summary>What the dispatcher knows of an email request before it decides: the step's ledger entry, whether
/// support stopped it, the customer's profile and what counts toward the customer's cap.</summary>
public sealed record RequestFacts(LedgerEntry? Entry, SupportStop Stop, CustomerProfile? Profile, IReadOnlyList<SentEmail> Slots);

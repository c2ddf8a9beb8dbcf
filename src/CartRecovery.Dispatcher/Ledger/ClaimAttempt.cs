using CartRecovery.Delivery.Policy;

namespace CartRecovery.Dispatcher.Ledger;

/// <summary>How a claim ended; when the cap or a cooldown held it back, the policy's decision saying which email won.</summary>
public sealed record ClaimAttempt(ClaimResult Result, ContactDecision? HeldBack = null);

namespace CartRecovery.Delivery.Policy;

/// <summary>What the policy decided and why, worded for support staff. <see cref="Values"/> holds the numbers
/// that decided it (never an email address).</summary>
public sealed record ContactDecision(
    string Outcome,
    string Rule,
    string Reason,
    DateTimeOffset? DeferUntil,
    IReadOnlyDictionary<string, string> Values)
{
    public bool ShouldSend => Outcome == ContactOutcomes.Send;
    public bool IsDeferred => Outcome == ContactOutcomes.Deferred;
    public bool IsSuppressed => Outcome == ContactOutcomes.Suppressed;
}

namespace CartRecovery.Delivery.Policy;

/// <summary>A journey step asks to contact a customer. <paramref name="Journey"/> is one of
/// <see cref="CartRecovery.Contracts.JourneyNames"/>; <paramref name="RequestedAt"/> stays the original request
/// time across deferrals, so the deferral expiry counts from it.</summary>
public sealed record ContactRequest(
    Guid JourneyId,
    string Journey,
    int Step,
    string CustomerId,
    DateTimeOffset RequestedAt,
    bool IsMarketing = true);

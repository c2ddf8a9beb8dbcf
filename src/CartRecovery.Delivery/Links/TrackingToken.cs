namespace CartRecovery.Delivery.Links;

/// <summary>What a signed link proves: who got which email, and for clicks where the link leads.</summary>
/// <param name="Kind">One of <see cref="TrackingTokenKinds"/>.</param>
/// <param name="Target">Where a click redirects; only for <see cref="TrackingTokenKinds.Click"/>.</param>
public sealed record TrackingToken(
    string Kind,
    Guid JourneyId,
    int Step,
    string CustomerId,
    Uri? Target,
    DateTimeOffset IssuedAt);

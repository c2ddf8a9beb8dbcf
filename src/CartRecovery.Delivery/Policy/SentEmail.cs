namespace CartRecovery.Delivery.Policy;

/// <summary>An email already sent to the customer, as the frequency rules count it.</summary>
public sealed record SentEmail(
    string Journey,
    Guid JourneyId,
    int Step,
    DateTimeOffset SentAt,
    bool IsMarketing = true);

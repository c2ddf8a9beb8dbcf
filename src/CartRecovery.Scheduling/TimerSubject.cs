namespace CartRecovery.Scheduling;

/// <summary>Says which journey and customer a scheduled message concerns, if any, so support can find it by key
/// (cancel a journey, erase a customer) without reading message bodies. Registered by whoever owns the message.</summary>
public delegate (Guid? JourneyId, string? CustomerId) TimerSubject(object message);

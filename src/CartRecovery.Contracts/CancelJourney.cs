namespace CartRecovery.Contracts;

/// <summary>Support ends a journey by hand: its timers go and no further email is requested.</summary>
public sealed record CancelJourney
{
    public required Guid JourneyId { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}

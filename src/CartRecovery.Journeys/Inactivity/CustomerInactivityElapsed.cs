namespace CartRecovery.Journeys.Inactivity;

/// <summary>The inactivity window armed for the customer has run out (there may have been activity since).</summary>
public sealed record CustomerInactivityElapsed
{
    public required Guid JourneyId { get; init; }
}

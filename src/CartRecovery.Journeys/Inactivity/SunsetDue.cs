namespace CartRecovery.Journeys.Inactivity;

public sealed record SunsetDue
{
    public required Guid JourneyId { get; init; }
}

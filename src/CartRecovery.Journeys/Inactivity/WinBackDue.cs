namespace CartRecovery.Journeys.Inactivity;

public sealed record WinBackDue
{
    public required Guid JourneyId { get; init; }
}

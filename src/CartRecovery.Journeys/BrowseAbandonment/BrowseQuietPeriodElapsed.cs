namespace CartRecovery.Journeys.BrowseAbandonment;

/// <summary>Interest showed a quiet period ago and nothing made the browse email moot in between.</summary>
public sealed record BrowseQuietPeriodElapsed
{
    public required Guid JourneyId { get; init; }
}

namespace CartRecovery.Journeys.BrowseAbandonment;

/// <summary>The rest after a browse email (or an add-to-cart or order) is over: views count again.</summary>
public sealed record BrowseCooldownElapsed
{
    public required Guid JourneyId { get; init; }
}

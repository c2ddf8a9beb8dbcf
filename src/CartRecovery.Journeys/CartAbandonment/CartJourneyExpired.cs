namespace CartRecovery.Journeys.CartAbandonment;

public sealed record CartJourneyExpired
{
    public required Guid CartId { get; init; }
}

namespace CartRecovery.Contracts;

public sealed record EmailOpened
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>The journey instance whose email was opened.</summary>
    public required Guid JourneyId { get; init; }
    public required int Step { get; init; }
}

namespace CartRecovery.Contracts;

public sealed record EmailClicked
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required Guid JourneyId { get; init; }
    public required int Step { get; init; }
    public required Uri Url { get; init; }
}

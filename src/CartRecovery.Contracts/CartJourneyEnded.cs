namespace CartRecovery.Contracts;

public sealed record CartJourneyEnded
{
    public required Guid CartId { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>One of <see cref="CartJourneyOutcomes"/>.</summary>
    public required string Outcome { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    public Guid? OrderId { get; init; }
}

namespace CartRecovery.Journeys.Validation;

public sealed record RejectedEvent
{
    public required Guid? MessageId { get; init; }
    public required string MessageType { get; init; }
    public required IReadOnlyList<string> Errors { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
    public required string Endpoint { get; init; }
}

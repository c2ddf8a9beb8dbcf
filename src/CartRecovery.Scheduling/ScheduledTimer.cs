namespace CartRecovery.Scheduling;

/// <summary>One row of the timer table: a message to send to <see cref="Destination"/> once <see cref="DueAt"/> has
/// passed, under the schedule token MassTransit handed to the saga.</summary>
public sealed record ScheduledTimer
{
    public required Guid TokenId { get; init; }
    /// <summary>When it is next due: the scheduled time, or the end of a claim's lease or of a retry's backoff.</summary>
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>When it was scheduled to fire; fire lag is measured against this.</summary>
    public required DateTimeOffset ScheduledFor { get; init; }
    public required Uri Destination { get; init; }
    /// <summary>"Namespace.Type, Assembly", without version, so a rolling upgrade still resolves it.</summary>
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    /// <summary>Fixed at scheduling: a refire after a crash carries the same id, and the inbox drops the copy.</summary>
    public required Guid MessageId { get; init; }
    public Guid? ConversationId { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    /// <summary>The journey and customer the message concerns, when known, so cancel and erase find it by key.</summary>
    public Guid? JourneyId { get; init; }
    public string? CustomerId { get; init; }
    public bool IsRedelivery { get; init; }
    public int Attempts { get; init; }
}

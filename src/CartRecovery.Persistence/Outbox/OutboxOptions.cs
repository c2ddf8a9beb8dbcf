namespace CartRecovery.Persistence.Outbox;

/// <summary>Operator knobs of the inbox/outbox, bound from <c>Outbox</c>.</summary>
public sealed record OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How long a consumed message id is remembered, so a redelivery within it is recognised; delivered
    /// inbox rows older than this are purged with the other retention purges (<c>Retention:Interval</c>).</summary>
    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long one outgoing message may take to be confirmed by the broker after its commit. Past it the
    /// message's sends are left to the sweeper; while the broker is away, this is how long each message in flight
    /// holds its endpoint from reconnecting.</summary>
    public TimeSpan MessageDeliveryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an instance looks for messages committed but never delivered (the process died between
    /// commit and send).</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A committed message is left to its own attempt this long before the sweeper delivers it.</summary>
    public TimeSpan SweepAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many first deliveries on <c>customer-events</c> share one transaction: their rows load in
    /// one round trip and their writes commit in one more. A group holds what arrived while the one before it was
    /// loading, so a lone message never waits for company. 1 gives every message a transaction of its own.</summary>
    public int MaxMessagesPerTransaction { get; init; } = 16;

    /// <summary>Consumed messages whose sends one sweep delivers.</summary>
    public int SweepBatchSize { get; init; } = 100;
}

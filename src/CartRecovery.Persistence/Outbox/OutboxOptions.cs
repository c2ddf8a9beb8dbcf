namespace CartRecovery.Persistence.Outbox;

/// <summary>Operator knobs of the inbox/outbox, bound from <c>Outbox</c>.</summary>
public sealed record OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How long a consumed message id is remembered, so a redelivery within it is recognised; delivered
    /// inbox rows older than this are purged with the other retention purges (<c>Retention:Interval</c>).</summary>
    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Messages delivered per delivery pass; a consumer that sends more finishes over several passes.</summary>
    public int MessageDeliveryLimit { get; init; } = 100;

    public TimeSpan MessageDeliveryTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

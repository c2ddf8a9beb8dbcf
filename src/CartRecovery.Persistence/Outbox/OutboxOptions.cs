namespace CartRecovery.Persistence.Outbox;

/// <summary>Operator knobs of the inbox/outbox, bound from <c>Outbox</c>.</summary>
public sealed record OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How long a consumed message id is remembered, so a redelivery within it is recognised.</summary>
    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan CleanupInterval { get; init; } = TimeSpan.FromMinutes(1);

    public int CleanupBatchSize { get; init; } = 1000;

    /// <summary>Messages delivered per delivery pass; a consumer that sends more finishes over several passes.</summary>
    public int MessageDeliveryLimit { get; init; } = 100;

    public TimeSpan MessageDeliveryTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

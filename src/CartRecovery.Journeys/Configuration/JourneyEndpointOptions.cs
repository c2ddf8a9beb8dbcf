namespace CartRecovery.Journeys.Configuration;

/// <summary>Operator knobs for journey endpoints, bound from <c>Journeys:Endpoints</c>.</summary>
public sealed record JourneyEndpointOptions
{
    public const string SectionName = "Journeys:Endpoints";

    /// <summary>Messages in flight per endpoint and instance; also the partition count.</summary>
    public int ConcurrentMessageLimit { get; init; } = 16;

    /// <summary>Immediate retries for lock conflicts and transient faults before the message faults.</summary>
    public IReadOnlyList<TimeSpan> RetryIntervals { get; init; } =
    [
        TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2),
    ];
}

namespace CartRecovery.Journeys.Configuration;

/// <summary>Operator knobs for journey endpoints, bound from <c>Journeys:Endpoints</c>.</summary>
public sealed record JourneyEndpointOptions
{
    public const string SectionName = "Journeys:Endpoints";

    /// <summary>Messages in flight per endpoint and instance; also the partition count.</summary>
    public int ConcurrentMessageLimit { get; init; } = 16;

    /// <summary>As <see cref="ConcurrentMessageLimit"/>, for <c>customer-events</c>. Its first deliveries share
    /// transactions (<c>Outbox:MaxMessagesPerTransaction</c>), so more messages in flight hold no more connections and
    /// fill each shared transaction further.</summary>
    public int CustomerEventsConcurrentMessageLimit { get; init; } = 64;

    /// <summary>The limit for the named endpoint.</summary>
    public int ConcurrentMessageLimitFor(string endpointName) =>
        endpointName == JourneyEndpoints.CustomerEventsQueue ? CustomerEventsConcurrentMessageLimit : ConcurrentMessageLimit;

    /// <summary>Immediate retries for lock conflicts and transient faults before the message faults.</summary>
    public IReadOnlyList<TimeSpan> RetryIntervals { get; init; } =
    [
        TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2),
    ];

    /// <summary>When a dependency stays away past the immediate retries, the message is scheduled back to its
    /// queue after each of these delays in turn (durably, through the timer store). Only then does it fault. The
    /// defaults ride out about 45 minutes.</summary>
    public IReadOnlyList<TimeSpan> RedeliveryIntervals { get; init; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10),
    ];

    /// <summary>An endpoint stops taking messages when at least this many arrived in the tracking period…</summary>
    public int KillSwitchActivationThreshold { get; init; } = 10;

    /// <summary>…and this share of them failed because a dependency is away (0–1)…</summary>
    public double KillSwitchTripThreshold { get; init; } = 0.15;

    /// <summary>…and tries again after this long, stopping again at once if the dependency is still away.</summary>
    public TimeSpan KillSwitchRestartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

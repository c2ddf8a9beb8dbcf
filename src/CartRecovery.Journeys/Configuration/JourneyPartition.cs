namespace CartRecovery.Journeys.Configuration;

/// <summary>The partition the message being consumed waits in. A timer it schedules carries the key in
/// <see cref="HeaderName"/>, so when the timer fires it waits behind the same customer's events, not beside them.</summary>
public sealed record JourneyPartition(string Key)
{
    public const string HeaderName = "CR-Partition-Key";
}

namespace CartRecovery.Journeys;

/// <summary>Queues the journeys send commands to. Queue names are wire identity, not tuning knobs.</summary>
public static class JourneyEndpoints
{
    public const string EmailDispatcherQueue = "send-journey-email";

    public static readonly Uri EmailDispatcher = new($"queue:{EmailDispatcherQueue}");
}

namespace CartRecovery.Journeys;

/// <summary>Queues the journeys consume from and send commands to. Queue names are wire identity, not tuning knobs.</summary>
public static class JourneyEndpoints
{
    /// <summary>Every customer event and every journey timer: the four journeys and the projections that follow
    /// customers (profiles, conversions, discount codes) consume here, each event once for all of them.</summary>
    public const string CustomerEventsQueue = "customer-events";

    public const string EmailDispatcherQueue = "send-journey-email";

    public static readonly Uri CustomerEvents = new($"queue:{CustomerEventsQueue}");

    public static readonly Uri EmailDispatcher = new($"queue:{EmailDispatcherQueue}");

    /// <summary>The endpoints that run the journey pipeline (<see cref="Configuration.JourneyEndpointConfiguratorExtensions.UseJourneyPipeline"/>).</summary>
    public static readonly IReadOnlySet<string> WithJourneyPipeline = new HashSet<string>(StringComparer.Ordinal)
    {
        CustomerEventsQueue, EmailDispatcherQueue,
    };
}

using CartRecovery.Journeys;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>The service's own queues, for specs that check nothing was dead-lettered.</summary>
public static class JourneyQueues
{
    public static readonly IReadOnlyList<string> All =
    [
        JourneyEndpoints.CustomerEventsQueue, JourneyEndpoints.EmailDispatcherQueue,
    ];

    public static IEnumerable<string> ErrorQueues => All.Select(q => $"{q}_error");

    public static async Task PurgeErrorQueues(this BrokerQueues queues)
    {
        foreach (var queue in ErrorQueues)
        {
            await queues.Purge(queue);
        }
    }

    /// <summary>Messages in every error queue, by queue; empty when nothing was dead-lettered.</summary>
    public static async Task<IReadOnlyDictionary<string, uint>> DeadLettered(this BrokerQueues queues)
    {
        var counts = new Dictionary<string, uint>();
        foreach (var queue in ErrorQueues)
        {
            if (await queues.Ready(queue) is > 0 and var count)
            {
                counts[queue] = count;
            }
        }

        return counts;
    }
}

using MassTransit;

namespace CartRecovery.Journeys.Configuration;

/// <summary>How every journey and projection definition places itself on customer-events.</summary>
public static class CustomerEventsEndpointRegistration
{
    /// <summary>Names the endpoint and sets its concurrency. The limit goes on the endpoint, never on a definition: a
    /// definition's limit adds a concurrency filter to its own pipe, one more semaphore per journey and projection on
    /// every message, under the endpoint's limit of the same size.</summary>
    public static void OnCustomerEvents(this IEndpointRegistrationConfigurator endpoint, JourneyEndpointOptions options)
    {
        endpoint.Name = JourneyEndpoints.CustomerEventsQueue;
        endpoint.ConcurrentMessageLimit = options.CustomerEventsConcurrentMessageLimit;
    }
}

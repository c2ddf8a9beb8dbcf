using CartRecovery.Contracts;
using CartRecovery.Journeys;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Due journey steps sent straight to the dispatcher, as the journeys would send them.</summary>
public static class EmailRequests
{
    public static SendJourneyEmail For(string journey, string customerId, Guid? journeyId = null, string stepName = "recovery")
    {
        var id = journeyId ?? Guid.NewGuid();
        return new SendJourneyEmail
        {
            JourneyId = id,
            Journey = journey,
            Step = 1,
            StepName = stepName,
            CustomerId = customerId,
            RequestedAt = DateTimeOffset.UtcNow,
            Products = [CartEvents.ItemAdded(id).Item],
            CartValue = 20m,
            Currency = "EUR",
        };
    }

    public static async Task Send(TestHost host, SendJourneyEmail request)
    {
        var endpoint = await host.Bus.GetSendEndpoint(new Uri($"queue:{JourneyEndpoints.EmailDispatcherQueue}"));
        await endpoint.Send(request);
    }

    public static string MessageIdOf(SendJourneyEmail request) => $"{request.JourneyId:N}.{request.Step}@cartrecovery.local";
}

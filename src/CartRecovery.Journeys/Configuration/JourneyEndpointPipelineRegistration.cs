using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Configuration;

public static class JourneyEndpointPipelineRegistration
{
    /// <summary>Gives each journey endpoint (<see cref="JourneyEndpoints.WithJourneyPipeline"/>) its pipeline once,
    /// however many journeys and consumers share it; other endpoints on the bus are left alone.</summary>
    public static IBusRegistrationConfigurator AddJourneyEndpointPipeline(this IBusRegistrationConfigurator bus)
    {
        // Journeys and dispatcher both ask for it; a second callback would stack a second pipeline.
        if (bus.Any(d => d.ServiceType == typeof(Registered)))
        {
            return bus;
        }

        bus.AddSingleton<Registered>();
        bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
        {
            if (JourneyEndpoints.WithJourneyPipeline.Contains(name))
            {
                endpoint.UseJourneyPipeline(context,
                    context.GetRequiredService<IOptions<JourneyEndpointOptions>>().Value,
                    context.GetRequiredService<IJourneyEndpointOutbox>());
            }
        });
        return bus;
    }

    private sealed class Registered;
}

using CartRecovery.Dispatcher;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Persistence.Configuration;
using CartRecovery.Scheduling;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Service.Hosting;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>RabbitMQ transport with every journey saga on PostgreSQL, behind the transactional inbox/outbox,
    /// timers in our own PostgreSQL table. An endpoint whose dependency is away stops and restarts by itself. <paramref name="configureBus"/> lets tests add filters.</summary>
    public static IServiceCollection AddCartRecoveryMessaging(
        this IServiceCollection services,
        Uri rabbitMq,
        Action<IBusRegistrationConfigurator>? configureRegistration = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
    {
        services.AddMassTransit(x =>
        {
            x.AddJourneySagas();
            x.UsePostgresSagaRepository();
            x.AddEmailDispatchConsumers();
            configureRegistration?.Invoke(x);

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbitMq);
                cfg.UseTimerTableScheduler(context);
                cfg.UseDependencyKillSwitch(context.GetRequiredService<IOptions<JourneyEndpointOptions>>().Value);
                configureBus?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        // Start returns once the broker topology exists, so nothing published right after start is lost.
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }
}

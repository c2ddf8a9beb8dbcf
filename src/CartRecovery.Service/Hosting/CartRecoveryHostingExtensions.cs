using CartRecovery.Contracts;
using CartRecovery.Dispatcher;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Persistence.Configuration;
using CartRecovery.Scheduling;
using CartRecovery.Service.Audit;
using CartRecovery.Service.Health;
using CartRecovery.Service.Ingest;
using CartRecovery.Service.Operations;
using CartRecovery.Service.Reports;
using CartRecovery.Service.Support;
using CartRecovery.Service.Telemetry;
using CartRecovery.Service.Tracking;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CartRecovery.Service.Hosting;

public static class CartRecoveryHostingExtensions
{
    /// <summary>Everything the service runs, in start order: schema, scheduler, then the bus.</summary>
    public static IHostApplicationBuilder AddCartRecovery(this IHostApplicationBuilder builder) =>
        builder.AddCartRecoveryCore(configureRegistration: null, configureBus: null);

    internal static IHostApplicationBuilder AddCartRecoveryCore(
        this IHostApplicationBuilder builder,
        Action<MassTransit.IBusRegistrationConfigurator>? configureRegistration,
        Action<MassTransit.IBusRegistrationContext, MassTransit.IRabbitMqBusFactoryConfigurator>? configureBus)
    {
        var connections = ConnectionSettings.From(builder.Configuration);

        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = false;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Services
            .AddJourneyServices()
            .AddJourneyPersistence(connections.Postgres)
            .AddJourneyScheduling(builder.Configuration, connections.Postgres)
            .AddEmailDispatch()
            .AddCartRecoveryMessaging(connections.RabbitMq, configureRegistration, configureBus);

        builder.Services.BindValidated<IngestOptions, IngestOptionsValidator>(IngestOptions.SectionName);
        builder.Services.AddSingleton<EventBatchParser>();
        builder.Services.BindValidated<ApiKeyOptions, ApiKeyOptionsValidator>(ApiKeyOptions.SectionName);
        builder.Services.AddSingleton<JourneyQueries>();
        builder.Services.AddSingleton<JourneyReports>();
        builder.Services.AddScoped<CustomerEraser>();
        builder.Services.AddScoped<JourneyCanceller>();
        builder.Services.AddSingleton<SupportAudit>();
        builder.Services.AddSingleton<PendingEmailTimers>();
        // Deferred emails are found by journey and customer when support cancels or erases.
        builder.Services.AddSingleton<TimerSubject>(_ => message =>
            message is SendJourneyEmail email ? (email.JourneyId, email.CustomerId) : (null, null));
        builder.Services.AddSingleton(p => new ErrorQueueRedrive(connections.RabbitMq, p.GetRequiredService<ILogger<ErrorQueueRedrive>>()));
        builder.Services.AddSingleton(p => new LegacyQueueDrain(connections.RabbitMq, p.GetRequiredService<ILogger<LegacyQueueDrain>>()));
        builder.Services.AddSingleton(p => new RetiredEventBindings(connections.RabbitMq, p.GetRequiredService<ILogger<RetiredEventBindings>>()));
        // Registered after the bus, so it starts once customer-events exists.
        builder.Services.AddHostedService<BrokerUpgradeHostedService>();
        builder.Services.AddScoped<WithdrawnEmails>();
        builder.Services.AddOpenApi();
        builder.Services.AddCartRecoveryTelemetry();
        builder.Services.AddProblemDetails();
        builder.Services.AddTrackingRateLimit();

        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [HealthTags.Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [HealthTags.Ready])
            .AddCheck<SmtpRelayHealthCheck>("smtp-relay", tags: [HealthTags.Ready]);
        return builder;
    }
}

using CartRecovery.Journeys.Configuration;
using CartRecovery.Persistence.Outbox;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Durable timers: Quartz on PostgreSQL, clustered under one scheduler name, provisioning its own
    /// tables for this exact Quartz version. Register after persistence and before the bus.</summary>
    public static IServiceCollection AddJourneyScheduling(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.BindValidated<SchedulerOptions, SchedulerOptionsValidator>(SchedulerOptions.SectionName);
        // Quartz takes its settings at registration, so these are validated now rather than at start.
        var settings = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var validation = new FluentOptionsValidator<SchedulerOptions>(SchedulerOptions.SectionName, new SchedulerOptionsValidator())
            .Validate(null, settings);
        if (validation.Failed)
        {
            throw new OptionsValidationException(SchedulerOptions.SectionName, typeof(SchedulerOptions), validation.Failures);
        }

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = settings.InstanceName;
                s.IdleWaitTime = settings.IdleWaitTime;
            });
            q.UseDefaultThreadPool(settings.MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(c => c.CheckinInterval = settings.ClusterCheckinInterval);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "qrtz_";
                    o.StoreJobDataAsStrings = true;
                    o.MisfireThreshold = settings.MisfireThreshold;
                    o.AcceptEnlistedTransactions = true;
                });
            });
        });

        services.AddSingleton<QuartzSchedulerHolder>();
        services.AddSingleton<ScheduledRedeliveries>();
        services.AddHostedService<QuartzSchedulerInitializer>();
        services.AddSingleton<QuartzBusObserver>();
        services.AddSingleton<IJourneyTransactionParticipant, QuartzTransactionParticipant>();
        return services;
    }

    /// <summary>Saga <c>Schedule</c>/<c>Unschedule</c> on every endpoint write Quartz triggers, and the scheduler
    /// runs only while the bus does.</summary>
    public static void UseQuartzMessageScheduler(this IBusFactoryConfigurator bus, IRegistrationContext context)
    {
        bus.UseFilter(new QuartzMessageSchedulerFilter(
            context.GetRequiredService<QuartzSchedulerHolder>(),
            context.GetRequiredService<IOptions<SchedulerOptions>>()));
        bus.ConnectBusObserver(context.GetRequiredService<QuartzBusObserver>());
    }
}

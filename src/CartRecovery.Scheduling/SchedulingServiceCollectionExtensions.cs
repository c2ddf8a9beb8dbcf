using CartRecovery.Journeys.Configuration;
using CartRecovery.Persistence.Outbox;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Durable timers in our own table (written in the message's transaction, fired by every instance), and
    /// Quartz on PostgreSQL, clustered, for recurring maintenance outside message transactions. Register after
    /// persistence and before the bus.</summary>
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
                });
            });
        });

        services.AddSingleton<QuartzSchedulerHolder>();
        services.AddHostedService<QuartzSchedulerInitializer>();
        services.AddSingleton<QuartzBusObserver>();
        services.AddSingleton<TimerTable>();
        services.AddSingleton<TimerPoller>();
        services.AddSingleton<LegacyQuartzTimerMigration>();
        services.TryAddSingleton<TimerSubject>(_ => _ => (null, null));
        services.AddSingleton<IJourneyTransactionParticipant, TimerTransactionParticipant>();
        return services;
    }

    /// <summary>Saga <c>Schedule</c>/<c>Unschedule</c> and scheduled redelivery on every endpoint write rows of the
    /// timer table; timers fire, and maintenance jobs run, only while the bus does.</summary>
    public static void UseTimerTableScheduler(this IBusFactoryConfigurator bus, IRegistrationContext context)
    {
        // Ahead of every endpoint's own pipeline, so durable redelivery (which runs once per message, before the
        // message reaches its consumers) finds the scheduler too.
        bus.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(
            new TimerSchedulerFilter(context.GetRequiredService<TimerTable>(), context.GetRequiredService<TimerSubject>())));
        bus.ConnectBusObserver(context.GetRequiredService<TimerPoller>());
        bus.ConnectBusObserver(context.GetRequiredService<QuartzBusObserver>());
    }
}

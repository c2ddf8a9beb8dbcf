using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys.Telemetry;
using CartRecovery.Journeys.Validation;
using CartRecovery.Persistence.Migrations;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rejections;
using CartRecovery.Persistence.Retention;
using CartRecovery.Persistence.Rows;
using CartRecovery.Persistence.Sagas;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace CartRecovery.Persistence.Configuration;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>PostgreSQL for journey state, the inbox/outbox and rejected events, migrated before anything
    /// else starts. Call before the bus is added so the schema exists when the first message arrives.</summary>
    public static IServiceCollection AddJourneyPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // Every connection here runs short, self-contained statements: the DISCARD ALL that resets a pooled
            // connection is pure cost (it was one statement in ten).
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            // The hot path repeats a dozen statement shapes per event; preparing them once per connection spares
            // PostgreSQL the parse and plan that were its largest CPU cost. An operator's own setting wins.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 128;
                builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            }

            return builder.Build();
        });
        // Pooled: every message takes a context, and building one (its services, its change tracker) cost more
        // than the statements it ran. The pool resets each context before reuse.
        services.AddDbContextPool<JourneyDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));

        services.BindValidated<OutboxOptions, OutboxOptionsValidator>(OutboxOptions.SectionName);
        services.AddScoped<TransactionAfterCommit>();
        services.AddScoped<PendingRowWrites>();
        services.AddScoped<MessageConnection>();
        services.AddScoped<PrefetchedJourneyRows>();
        services.AddSingleton<JourneyRowPrefetch>();
        services.AddSingleton<UndeliveredOutboxSweeper>();
        services.AddSingleton<DeliveredOutboxRows>();
        services.Replace(ServiceDescriptor.Scoped<IAfterCommit>(p => p.GetRequiredService<TransactionAfterCommit>()));
        services.Replace(ServiceDescriptor.Singleton<IJourneyEndpointOutbox, PostgresJourneyEndpointOutbox>());

        services.AddSingleton<LoggingRejectedEventRecorder>();
        services.Replace(ServiceDescriptor.Singleton<IRejectedEventRecorder, DatabaseRejectedEventRecorder>());

        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<SchemaMigrationHostedService>();
        services.BindValidated<RetentionOptions, RetentionOptionsValidator>(RetentionOptions.SectionName);
        services.AddSingleton<IRetentionPurge, EndedJourneyPurge>();
        services.AddSingleton<IRetentionPurge, RejectedEventPurge>();
        services.AddSingleton<IRetentionPurge, InboxPurge>();
        services.AddSingleton<RetentionPurger>();
        return services;
    }

    /// <summary>Every saga on the bus keeps its state in PostgreSQL.</summary>
    public static IBusRegistrationConfigurator UsePostgresSagaRepository(this IBusRegistrationConfigurator bus)
    {
        bus.SetSagaRepositoryProvider(new PostgresSagaRepositoryRegistrationProvider());
        return bus;
    }
}

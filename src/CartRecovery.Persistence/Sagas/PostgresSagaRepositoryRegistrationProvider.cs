using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Persistence.Sagas;

/// <summary>Makes the PostgreSQL repository the default for every saga registered on the bus.</summary>
public sealed class PostgresSagaRepositoryRegistrationProvider : ISagaRepositoryRegistrationProvider
{
    public void Configure<TSaga>(ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga =>
        configurator.Repository(r =>
        {
            r.RegisterLoadSagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga>>();
            r.RegisterQuerySagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga>>();
            r.RegisterSagaRepository<TSaga, JourneyDbContext, SagaConsumeContextFactory<JourneyDbContext, TSaga>,
                PostgresSagaRepositoryContextFactory<TSaga>>();
            if (typeof(SagaStateMachineInstance).IsAssignableFrom(typeof(TSaga)))
            {
                // Lets the message transaction load this journey's row with the others in one round trip.
                r.AddSingleton(typeof(IJourneyCorrelations), typeof(JourneyCorrelations<>).MakeGenericType(typeof(TSaga)));
            }
        });
}

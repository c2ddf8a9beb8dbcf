using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;

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
        });
}

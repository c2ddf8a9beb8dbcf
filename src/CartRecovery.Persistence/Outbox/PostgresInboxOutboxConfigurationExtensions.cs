using MassTransit;
using MassTransit.Configuration;

namespace CartRecovery.Persistence.Outbox;

public static class PostgresInboxOutboxConfigurationExtensions
{
    /// <summary>Puts every consumer and saga on the endpoint behind the PostgreSQL inbox/outbox.</summary>
    public static void UsePostgresInboxOutbox(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, OutboxOptions options)
    {
        var observer = new OutboxConsumePipeSpecificationObserver<JourneyDbContext>(endpoint, context)
        {
            MessageDeliveryLimit = options.MessageDeliveryLimit,
            MessageDeliveryTimeout = options.MessageDeliveryTimeout,
        };
        endpoint.ConnectConsumerConfigurationObserver(observer);
        endpoint.ConnectSagaConfigurationObserver(observer);
    }
}

using MassTransit;

namespace CartRecovery.Persistence.Outbox;

public static class PostgresInboxOutboxConfigurationExtensions
{
    /// <summary>Puts every message the endpoint receives behind the PostgreSQL inbox/outbox, once for all of the
    /// endpoint's consumers and sagas.</summary>
    public static void UsePostgresInboxOutbox(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, OutboxOptions options) =>
        _ = new InboxOutboxPerMessageObserver(endpoint, context, options);
}

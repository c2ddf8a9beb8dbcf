using CartRecovery.Journeys.BrowseAbandonment;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;

namespace CartRecovery.Persistence.Outbox;

public static class PostgresInboxOutboxConfigurationExtensions
{
    private static readonly Guid InboxNamespace = new("5c4d6b0e-2f0a-4a57-9a43-0b8e0d1f6c21");

    /// <summary>Puts every message the endpoint receives behind the PostgreSQL inbox/outbox, in one transaction for all
    /// of the endpoint's consumers and sagas, which take turns inside it.</summary>
    public static void UsePostgresInboxOutbox(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, OutboxOptions options,
        InboxCheck inboxCheck)
    {
        // One inbox identity per endpoint: the message is consumed once for everything on the endpoint.
        var consumerId = NameBasedGuid.Create(InboxNamespace, endpoint.InputAddress.GetEndpointName() ?? endpoint.InputAddress.AbsolutePath);
        endpoint.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(new MessageTransactionFilter(context, consumerId, options, inboxCheck)));
        _ = new ConsumerTurnObserver(endpoint);
    }
}

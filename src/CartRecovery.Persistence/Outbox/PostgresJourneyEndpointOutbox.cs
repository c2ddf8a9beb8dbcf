using CartRecovery.Journeys;
using CartRecovery.Journeys.Configuration;
using MassTransit;
using MassTransit.Transports;
using Microsoft.Extensions.Options;

namespace CartRecovery.Persistence.Outbox;

public sealed class PostgresJourneyEndpointOutbox(IOptions<OutboxOptions> options) : IJourneyEndpointOutbox
{
    public void Configure(IReceiveEndpointConfigurator endpoint, IRegistrationContext context) =>
        endpoint.UsePostgresInboxOutbox(context, options.Value, InboxCheckOf(endpoint));

    // The journeys and projections on customer-events write only inside the message transaction. The dispatcher
    // claims a send and talks to SMTP outside it, so a duplicate must be stopped before its consumer runs.
    private static InboxCheck InboxCheckOf(IReceiveEndpointConfigurator endpoint) =>
        endpoint.InputAddress.GetEndpointName() == JourneyEndpoints.CustomerEventsQueue ? InboxCheck.AtCommit : InboxCheck.BeforeConsumers;
}

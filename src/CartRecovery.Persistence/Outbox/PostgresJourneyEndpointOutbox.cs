using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Persistence.Outbox;

public sealed class PostgresJourneyEndpointOutbox(IOptions<OutboxOptions> options) : IJourneyEndpointOutbox
{
    public void Configure(IReceiveEndpointConfigurator endpoint, IRegistrationContext context) =>
        endpoint.UsePostgresInboxOutbox(context, options.Value);
}

using CartRecovery.Journeys.BrowseAbandonment;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using MassTransit.Transports;

namespace CartRecovery.Persistence.Outbox;

/// <summary>
/// Puts the inbox/outbox around each message type of an endpoint, outside all of its consumers and sagas (the way
/// an endpoint-level in-memory outbox wraps them), not around each consumer: an event that four journeys and a
/// projection consume gets one inbox row and one transaction, not five.
/// </summary>
public sealed class InboxOutboxPerMessageObserver : ConfigurationObserver, IMessageConfigurationObserver
{
    private static readonly Guid InboxNamespace = new("5c4d6b0e-2f0a-4a57-9a43-0b8e0d1f6c21");

    private readonly OutboxConsumeOptions _consumeOptions;
    private readonly ConsumeScopeProvider _scopes;

    public InboxOutboxPerMessageObserver(IReceiveEndpointConfigurator endpoint, IRegistrationContext context, OutboxOptions options)
        : base(endpoint)
    {
        var endpointName = endpoint.InputAddress.GetEndpointName() ?? endpoint.InputAddress.AbsolutePath;
        _consumeOptions = new OutboxConsumeOptions
        {
            // One inbox identity per endpoint: the message is consumed once for everything on the endpoint.
            ConsumerId = NameBasedGuid.Create(InboxNamespace, endpointName),
            ConsumerType = endpointName,
            MessageDeliveryLimit = options.MessageDeliveryLimit,
            MessageDeliveryTimeout = options.MessageDeliveryTimeout,
        };
        _scopes = new ConsumeScopeProvider(context);
        Connect(this);
    }

    public void MessageConfigured<TMessage>(IConsumePipeConfigurator configurator)
        where TMessage : class =>
        configurator.AddPipeSpecification(
            new FilterPipeSpecification<ConsumeContext<TMessage>>(new OutboxConsumeFilter<JourneyDbContext, TMessage>(_scopes, _consumeOptions)));
}

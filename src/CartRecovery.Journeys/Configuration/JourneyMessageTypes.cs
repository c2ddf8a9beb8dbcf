using MassTransit;
using MassTransit.Configuration;

namespace CartRecovery.Journeys.Configuration;

/// <summary>
/// The message types consumed on one journey endpoint, learnt as its consumers and sagas are configured, so the
/// endpoint's own filters (which run once per message, before the message is dispatched to every consumer) can
/// read the typed message. A type without a partition key fails the endpoint at start.
/// </summary>
public sealed class JourneyMessageTypes : ConfigurationObserver, IMessageConfigurationObserver
{
    private readonly List<(Type Type, IJourneyMessageType Operations)> _types = [];

    public JourneyMessageTypes(IConsumePipeConfigurator endpoint)
        : base(endpoint) =>
        Connect(this);

    public void MessageConfigured<TMessage>(IConsumePipeConfigurator configurator)
        where TMessage : class =>
        _types.Add((typeof(TMessage), new JourneyMessageType<TMessage>()));

    /// <summary>The operations for the type the message carries, or null for a type nothing here consumes.</summary>
    public IJourneyMessageType? Of(ConsumeContext context)
    {
        foreach (var (type, operations) in _types)
        {
            if (context.HasMessageType(type))
            {
                return operations;
            }
        }

        return null;
    }
}

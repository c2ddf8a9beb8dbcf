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

    // By message URN, with each type's place in _types: an envelope names its types, so finding the one consumed here
    // is a lookup per name instead of asking the context about every type (each ask builds the URN and a closure).
    private Dictionary<string, int>? _byUrn;

    public JourneyMessageTypes(IConsumePipeConfigurator endpoint)
        : base(endpoint) =>
        Connect(this);

    public void MessageConfigured<TMessage>(IConsumePipeConfigurator configurator)
        where TMessage : class
    {
        _types.Add((typeof(TMessage), new JourneyMessageType<TMessage>()));
        _byUrn = null;
    }

    /// <summary>The operations for the type the message carries, or null for a type nothing here consumes.</summary>
    public IJourneyMessageType? Of(ConsumeContext context)
    {
        var byUrn = _byUrn ??= _types
            .Select((entry, index) => (Urn: MessageUrn.ForTypeString(entry.Type), Index: index))
            .GroupBy(x => x.Urn, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Min(x => x.Index), StringComparer.OrdinalIgnoreCase);
        var first = int.MaxValue;
        var named = false;
        var urns = context.SupportedMessageTypes as string[] ?? [.. context.SupportedMessageTypes];
        foreach (var urn in urns)
        {
            named = true;
            if (byUrn.TryGetValue(urn, out var index) && index < first)
            {
                first = index;
            }
        }

        if (named)
        {
            return first == int.MaxValue ? null : _types[first].Operations;
        }

        // A message that names no type (raw JSON) may be read as any of them: ask the context, as MassTransit does.
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

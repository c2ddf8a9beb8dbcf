using MassTransit;

namespace CartRecovery.Persistence.Sagas;

/// <summary>
/// Which journey rows a message will load: for every state machine on the bus, the events it correlates by id and
/// the row key each computes for a message. The message transaction loads and locks them all in one round trip
/// before the journeys run, in one fixed order (journey type, then key), instead of one round trip per journey.
/// </summary>
public sealed class JourneyRowPrefetch(IEnumerable<IJourneyCorrelations> journeys)
{
    private readonly Lazy<Dictionary<string, JourneyCorrelation[]>> _byMessageUrn = new(() => journeys
        .SelectMany(j => j.ByMessageType())
        .GroupBy(c => MessageUrn.ForTypeString(c.MessageType), c => c.Correlation)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));

    public IReadOnlyList<JourneyRowKey> RowsFor(ConsumeContext context)
    {
        List<JourneyRowKey>? rows = null;
        foreach (var urn in context.SupportedMessageTypes)
        {
            if (!_byMessageUrn.Value.TryGetValue(urn, out var correlations))
            {
                continue;
            }

            foreach (var correlation in correlations)
            {
                if (correlation.RowKeyOf(context) is not { } key)
                {
                    continue;
                }

                rows ??= [];
                var row = new JourneyRowKey(correlation, key);
                if (!rows.Exists(r => r.Correlation.JourneyType == correlation.JourneyType && r.Key == key))
                {
                    rows.Add(row);
                }
            }
        }

        if (rows is null)
        {
            return [];
        }

        rows.Sort(static (a, b) => string.CompareOrdinal(a.Correlation.JourneyType.FullName, b.Correlation.JourneyType.FullName) is var byType and not 0
            ? byType
            : a.Key.CompareTo(b.Key));
        return rows;
    }
}

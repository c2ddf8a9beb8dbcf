using MassTransit;

namespace CartRecovery.Journeys.Configuration;

/// <summary>Routes each message type of a journey to the partition of the instance it belongs to, and remembers which
/// types it routes, so a spec can check that none of the journey's events was forgotten.</summary>
public sealed class JourneyPartitions<TState>
    where TState : class, ISaga
{
    private readonly ISagaConfigurator<TState>? _saga;
    private readonly IPartitioner? _partitioner;
    private readonly List<Type> _messageTypes = [];

    public JourneyPartitions(ISagaConfigurator<TState> saga, IPartitioner partitioner)
    {
        _saga = saga;
        _partitioner = partitioner;
    }

    private JourneyPartitions()
    {
    }

    public IReadOnlyList<Type> MessageTypes => _messageTypes;

    /// <summary>Only records the routed types; configures nothing.</summary>
    public static JourneyPartitions<TState> Recording() => new();

    public JourneyPartitions<TState> By<TMessage>(Func<TMessage, Guid> instanceOf)
        where TMessage : class
    {
        _messageTypes.Add(typeof(TMessage));
        if (_saga is not null && _partitioner is not null)
        {
            _saga.Message<TMessage>(m => m.UsePartitioner(_partitioner, c => instanceOf(c.Message)));
        }

        return this;
    }
}

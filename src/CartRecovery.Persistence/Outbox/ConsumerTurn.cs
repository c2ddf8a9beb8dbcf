namespace CartRecovery.Persistence.Outbox;

/// <summary>MassTransit hands a message to all of an endpoint's consumers at once; they share one connection and
/// transaction here, so they take turns, in the order they were configured.</summary>
public sealed class ConsumerTurn : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Set when the message was consumed by an earlier delivery: consumers only acknowledge it.</summary>
    public bool ConsumedBefore { get; init; }

    public Task Wait(CancellationToken cancellationToken) => _turn.WaitAsync(cancellationToken);

    public void Release() => _turn.Release();

    public void Dispose() => _turn.Dispose();
}

namespace CartRecovery.Persistence.Outbox;

/// <summary>One message's turn on a connection it shares (<see cref="MessageConnection.Turn"/>); nothing to give
/// back on a connection of its own.</summary>
public readonly struct ConnectionTurn(SemaphoreSlim? turns) : IDisposable
{
    public void Dispose() => turns?.Release();
}

namespace CartRecovery.Scheduling;

/// <summary>
/// Timer writes of the current message transaction, sent to the database in one batch just before it commits, on
/// the transaction's own connection: the timer exists exactly when the saga state that expects it does.
/// </summary>
public sealed class TimerWriteBuffer
{
    private static readonly AsyncLocal<TimerWriteBuffer?> Ambient = new();

    /// <summary>The buffer of the transaction this async flow works in, if that transaction is still open.</summary>
    // Anything that captures the execution context inside a transaction (a Task.Run or timer started there, such as a
    // receive endpoint restarted by the kill switch) carries the ambient value on after the transaction ended; a
    // closed buffer must not swallow the writes of that later work, which no commit will ever flush.
    public static TimerWriteBuffer? Current => Ambient.Value is { _closed: false } buffer ? buffer : null;

    private readonly Lock _gate = new();
    private volatile bool _closed;

    private List<ScheduledTimer>? _inserts;
    private List<Guid>? _deletes;

    // Created on first use: most messages schedule nothing, and every message transaction opens a buffer.
    public List<ScheduledTimer> Inserts => _inserts ??= [];
    public List<Guid> Deletes => _deletes ??= [];

    public bool IsEmpty => (_inserts?.Count ?? 0) == 0 && (_deletes?.Count ?? 0) == 0;

    public static TimerWriteBuffer Begin()
    {
        var buffer = new TimerWriteBuffer();
        Ambient.Value = buffer;
        return buffer;
    }

    /// <summary>Adds a write unless the buffer's transaction has ended (or is committing): checked and added under
    /// one lock, so a write never lands in a buffer after its contents were taken.</summary>
    public bool TryAdd(Action<TimerWriteBuffer> add)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            add(this);
            return true;
        }
    }

    /// <summary>Ends the buffer's transaction: from now on no flow sees it as <see cref="Current"/>, including flows
    /// that captured it, and <see cref="TryAdd"/> refuses.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }

        if (ReferenceEquals(Ambient.Value, this))
        {
            Ambient.Value = null;
        }
    }

    public void Clear()
    {
        _inserts?.Clear();
        _deletes?.Clear();
    }
}

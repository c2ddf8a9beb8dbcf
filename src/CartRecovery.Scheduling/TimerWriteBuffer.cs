namespace CartRecovery.Scheduling;

/// <summary>
/// Timer writes of the current message transaction, sent to the database in one batch just before it commits, on
/// the transaction's own connection: the timer exists exactly when the saga state that expects it does.
/// </summary>
public sealed class TimerWriteBuffer
{
    private static readonly AsyncLocal<TimerWriteBuffer?> Ambient = new();

    /// <summary>The buffer of the transaction this async flow works in, if any.</summary>
    public static TimerWriteBuffer? Current => Ambient.Value;

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

    public static void End() => Ambient.Value = null;

    public void Clear()
    {
        _inserts?.Clear();
        _deletes?.Clear();
    }
}

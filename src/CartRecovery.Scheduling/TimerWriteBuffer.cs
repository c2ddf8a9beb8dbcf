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

    public List<ScheduledTimer> Inserts { get; } = [];
    public List<Guid> Deletes { get; } = [];

    public bool IsEmpty => Inserts.Count == 0 && Deletes.Count == 0;

    public static TimerWriteBuffer Begin()
    {
        var buffer = new TimerWriteBuffer();
        Ambient.Value = buffer;
        return buffer;
    }

    public static void End() => Ambient.Value = null;

    public void Clear()
    {
        Inserts.Clear();
        Deletes.Clear();
    }
}

namespace CartRecovery.Scheduling;

/// <summary>
/// Timer writes of the current message transaction, held back until just before it commits. Writing a trigger
/// takes the job store's cluster-wide lock row; taken at the end, it is held for the commit only, instead of for
/// everything the message still does after its saga asked for a timer.
/// </summary>
public sealed class TimerWriteBuffer
{
    private static readonly AsyncLocal<TimerWriteBuffer?> Ambient = new();
    private readonly List<Func<CancellationToken, ValueTask>> _writes = [];

    /// <summary>The buffer of the transaction this async flow works in, if any.</summary>
    public static TimerWriteBuffer? Current => Ambient.Value;

    public static TimerWriteBuffer Begin()
    {
        var buffer = new TimerWriteBuffer();
        Ambient.Value = buffer;
        return buffer;
    }

    public static void End() => Ambient.Value = null;

    public void Add(Func<CancellationToken, ValueTask> write) => _writes.Add(write);

    public async Task Flush(CancellationToken cancellationToken)
    {
        foreach (var write in _writes)
        {
            await write(cancellationToken);
        }

        _writes.Clear();
    }
}

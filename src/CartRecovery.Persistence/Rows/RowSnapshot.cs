namespace CartRecovery.Persistence.Rows;

/// <summary>What a row held when it was read and locked, one entry per column of its <see cref="RowMapping{T}"/>,
/// so that an update writes only the columns the journey changed.</summary>
public sealed class RowSnapshot(object?[] values)
{
    internal object? this[int ordinal] => values[ordinal];
}

using System.Data.Common;
using System.Net.Sockets;
using MassTransit;

namespace CartRecovery.Journeys.Configuration;

/// <summary>
/// Tells a dependency being away (database, broker, network) from a message that is wrong in itself. Only the
/// latter may reach an error queue; the former waits and is tried again. Wrapped exceptions (EF, Quartz, MassTransit's
/// redelivery) are unwrapped, so the cause decides.
/// </summary>
public static class TransientFailures
{
    /// <summary>Worth trying again later: a dependency is away, or a lock conflict outlasted the immediate retries.</summary>
    public static bool IsTransient(Exception exception) => Causes(exception).Any(e => IsUnavailable(e) || IsLockConflict(e));

    /// <summary>A dependency is away (connection refused or lost, server shutting down, out of resources, time-out):
    /// the kind of failure that should park an endpoint. A lock conflict is not one: it says the database is busy.</summary>
    public static bool IsDependencyUnavailable(Exception exception) => Causes(exception).Any(IsUnavailable);

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        DbException db when IsLockConflict(db) => false,
        DbException db => db.IsTransient || IsUnavailableSqlState(db.SqlState),
        SocketException or TimeoutException or ConnectionException or TransportUnavailableException => true,
        IOException => true,
        _ => false,
    };

    private static bool IsLockConflict(Exception exception) =>
        exception is DbException { SqlState: "40001" or "40P01" or "55P03" };

    private static bool IsUnavailableSqlState(string? sqlState) =>
        sqlState is { Length: 5 } state
        && (state.StartsWith("08", StringComparison.Ordinal)
            || state.StartsWith("53", StringComparison.Ordinal)
            || state.StartsWith("57P", StringComparison.Ordinal));

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}

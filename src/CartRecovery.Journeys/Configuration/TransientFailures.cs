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
    public static bool IsTransient(Exception exception) => Causes(exception).Any(IsTransientCause);

    private static bool IsTransientCause(Exception exception) => exception switch
    {
        DbException db => db.IsTransient || IsTransientSqlState(db.SqlState),
        SocketException or TimeoutException or ConnectionException or TransportUnavailableException => true,
        IOException => true,
        _ => false,
    };

    // Connection lost, server shutting down or starting, out of resources, lock conflicts: all pass by themselves.
    private static bool IsTransientSqlState(string? sqlState) =>
        sqlState is { Length: 5 } state
        && (state.StartsWith("08", StringComparison.Ordinal)
            || state.StartsWith("53", StringComparison.Ordinal)
            || state.StartsWith("57P", StringComparison.Ordinal)
            || state is "40001" or "40P01" or "55P03");

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

using System.Diagnostics;
using MassTransit;
using Npgsql;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>Cart journeys published on the bus (add, add, remove, checkout, order), timed until the service committed
/// them: every cart final and every order counted on its customer's profile. Waiting reads the database by key only,
/// so the probe costs the same on an empty database and on a million journeys, and knows no queue names.</summary>
internal static class IngestRate
{
    private const int Producers = 32;

    /// <returns>Events per second.</returns>
    public static async Task<double> Measure(IBus bus, string connectionString, int carts)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var cartIds = Enumerable.Range(0, carts).Select(_ => NewId.NextGuid()).ToArray();
        var customers = Enumerable.Range(0, carts).Select(i => $"ingest-{tag}-{i}").ToArray();
        var clock = Stopwatch.StartNew();
        var next = -1;
        var publishing = Task.WhenAll(Enumerable.Range(0, Producers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < carts)
            {
                await bus.Publish(CartEvents.Added(cartIds[i], customers[i], "SKU-A", 1));
                await bus.Publish(CartEvents.Added(cartIds[i], customers[i], "SKU-B", 2));
                await bus.Publish(CartEvents.Removed(cartIds[i], customers[i], "SKU-A"));
                await bus.Publish(CartEvents.Checkout(cartIds[i], customers[i]));
                await bus.Publish(CartEvents.Order(cartIds[i], customers[i]));
            }
        }));
        await WaitForCommitted(connectionString, cartIds, customers, TimeSpan.FromMinutes(3));
        var seconds = clock.Elapsed.TotalSeconds;
        await publishing;
        return carts * (double)ServiceThroughput.EventsPerCart / seconds;
    }

    private static async Task WaitForCommitted(string connectionString, Guid[] cartIds, string[] customers, TimeSpan timeout)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            /* bench-probe */ SELECT (SELECT count(*) FROM cart_abandonment_state WHERE correlation_id = ANY($1) AND current_state = 'Final'),
                   (SELECT coalesce(sum(order_count), 0)::bigint FROM customer_profile WHERE customer_id = ANY($2))
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = cartIds });
        command.Parameters.Add(new NpgsqlParameter { Value = customers });
        await command.PrepareAsync();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            long final, orders;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                (final, orders) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            if (final >= cartIds.Length && orders >= cartIds.Length)
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"after {timeout}: {final}/{cartIds.Length} carts final, {orders} orders counted");
            }

            await Task.Delay(100);
        }
    }
}

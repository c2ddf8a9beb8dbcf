using CartRecovery.Journeys;
using MassTransit;

namespace CartRecovery.Benchmarks;

/// <summary>End to end through a journey: <c>OrderShipped</c> published for orders whose post-purchase journey is
/// waiting in Placed, which sends the shipment email at once, timed from the publish to the SMTP sink's receipt.
/// The path is the one a shop's event takes: customer-events, the journey and its outbox, send-journey-email, SMTP.
/// One order per consenting customer, so no cooldown or cap applies.</summary>
internal static class ShipmentEmailLatency
{
    public static async Task<LatencyRun> Run(BenchEnvironment env, double rate, int emails)
    {
        await env.PurgeQueues(JourneyEndpoints.EmailDispatcherQueue, JourneyEndpoints.CustomerEventsQueue);
        await using var database = await env.CreateDatabase("shipment");
        var app = await ServiceHost.Start(env, database);
        try
        {
            var bus = app.Services.GetRequiredService<IBus>();
            async Task<LatencyRun> Shipments(LatencyCustomers customers)
            {
                await customers.Publish(bus, database);
                var orders = Enumerable.Range(0, customers.Count).Select(_ => NewId.NextGuid()).ToArray();
                await Parallel.ForEachAsync(Enumerable.Range(0, customers.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                    async (i, cancellationToken) => await bus.Publish(CartEvents.Order(orders[i], cartId: null, customers.Id(i)), cancellationToken));
                await database.WaitForCount(
                    $"/* bench-probe */ SELECT count(*) FROM post_purchase_state WHERE current_state = 'Placed' AND customer_id LIKE '{customers.IdPattern}'",
                    customers.Count, TimeSpan.FromMinutes(2), "post-purchase journeys did not all reach Placed");
                return await TimedEmails.Time(env, customers, rate, i => bus.Publish(CartEvents.Shipped(orders[i], customers.Id(i))));
            }

            await Shipments(new LatencyCustomers(TimedEmails.WarmUpEmails));
            return await Shipments(new LatencyCustomers(emails));
        }
        finally
        {
            await ServiceHost.Stop(app);
        }
    }
}

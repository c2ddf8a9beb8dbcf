using CartRecovery.Contracts;
using CartRecovery.Journeys;
using MassTransit;

namespace CartRecovery.Benchmarks;

/// <summary>The dispatcher step, which has no delay: <c>SendJourneyEmail</c> straight to <c>send-journey-email</c> at
/// a steady rate, one consenting customer each (so no cooldown or cap applies), timed from the producer's publish
/// to the SMTP sink's receipt (the last-write time of the message file in the sink's maildir).</summary>
internal static class EmailLatency
{
    public static async Task<LatencyRun> Run(BenchEnvironment env, double rate, int emails)
    {
        await env.PurgeQueues(JourneyEndpoints.EmailDispatcherQueue, JourneyEndpoints.CustomerEventsQueue);
        await using var database = await env.CreateDatabase("latency");
        var app = await ServiceHost.Start(env, database);
        try
        {
            var bus = app.Services.GetRequiredService<IBus>();
            var endpoint = await bus.GetSendEndpoint(JourneyEndpoints.EmailDispatcher);
            async Task<LatencyRun> Requests(LatencyCustomers customers)
            {
                await customers.Publish(bus, database);
                return await TimedEmails.Time(env, customers, rate, i => endpoint.Send(Request(customers.Id(i))));
            }

            await Requests(new LatencyCustomers(TimedEmails.WarmUpEmails));
            return await Requests(new LatencyCustomers(emails));
        }
        finally
        {
            await ServiceHost.Stop(app);
        }
    }

    private static SendJourneyEmail Request(string customer) => new()
    {
        JourneyId = NewId.NextGuid(),
        Journey = JourneyNames.CartAbandonment,
        Step = 1,
        StepName = "recovery",
        CustomerId = customer,
        RequestedAt = DateTimeOffset.UtcNow,
        Products =
        [
            new ProductLine
            {
                Sku = "SKU-B",
                Name = "Product SKU-B",
                UnitPrice = 24.90m,
                Currency = "EUR",
                Quantity = 2,
                ProductUrl = new Uri("https://shop.example/p/SKU-B"),
            },
        ],
        CartValue = 49.80m,
        Currency = "EUR",
    };
}

using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;

namespace CartRecovery.IntegrationTests.Scheduling;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_host_restarts_before_a_timer_is_due(ServiceEndpoints services)
{
    private readonly Guid _cartId = Guid.NewGuid();

    [Fact]
    public async Task Should_fire_the_timer_once_on_the_next_host()
    {
        var database = await services.CreateDatabase();
        static void Settings(TestHostOptions o)
        {
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:00:03";
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:05:00";
        }

        var first = await TestHost.Start(services, database, o => { Settings(o); o.PurgeQueues = true; });
        await first.Bus.Publish(CartEvents.ItemAdded(_cartId));
        await Eventually.Until(() => first.Database.PendingTimers(), n => n == 2, TimeSpan.FromSeconds(20), "idle timer and expiry stored");
        await first.DisposeAsync();

        // The idle timer falls due while no host runs.
        var due = (await first.Database.Scalar<DateTime>("SELECT min(due_at) FROM scheduled_timer")).Ticks;
        await Eventually.Until(() => Task.FromResult(DateTime.UtcNow.Ticks), now => now > due, TimeSpan.FromSeconds(20), "timer due while down");

        await using var second = await TestHost.Start(services, database, Settings);
        var requests = await second.EmailRequests.WaitFor(m => m.JourneyId == _cartId, count: 1, TimeSpan.FromSeconds(30));
        await Eventually.Until(() => second.Database.CartState(_cartId), s => s == "Abandoned", TimeSpan.FromSeconds(10), "abandoned");

        Assert.Equal(CartAbandonmentSteps.Recovery, Assert.Single(requests).Message.Step);
        // The fired idle timer's row goes once the broker confirmed it, in the poller's own time.
        await Eventually.Until(() => second.Database.PendingTimers(), n => n == 2, TimeSpan.FromSeconds(10),
            "only the discount follow-up and the expiry left");
        Assert.Single(second.EmailRequests.Received);
    }
}

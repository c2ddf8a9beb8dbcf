using System.Diagnostics;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;

namespace CartRecovery.IntegrationTests.Outages;

/// <summary>The host reaches RabbitMQ through a relay the spec cuts for a minute while 20 idle timers fall due.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_the_broker_is_away_while_timers_fall_due(ServiceEndpoints services)
{
    private const int Carts = 20;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_fire_every_timer_once_after_it_returns()
    {
        await using var relay = new LoopbackTcpProxy(services.RabbitMq.Host, services.RabbitMq.Port);
        relay.Open();
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            // No purge: MassTransit purges again on every reconnect, which would swallow the recovered timers.
            o.RabbitMq = new UriBuilder(services.RabbitMq) { Host = "127.0.0.1", Port = relay.Port }.Uri;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:00:03";
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:05:00";
        });
        var carts = Enumerable.Range(0, Carts).Select(_ => Guid.NewGuid()).ToList();
        foreach (var cart in carts)
        {
            await host.Bus.Publish(CartEvents.ItemAdded(cart));
        }

        await Eventually.Until(
            () => host.Database.Count("SELECT count(*) FROM cart_abandonment_state WHERE idle_timeout_token_id IS NOT NULL"),
            n => n == Carts, TimeSpan.FromSeconds(30), "idle timers armed");
        var idleTimers = new List<Guid>();
        foreach (var cart in carts)
        {
            var token = await host.Database.Scalar<Guid>("SELECT idle_timeout_token_id FROM cart_abandonment_state WHERE correlation_id = @id", ("id", cart));
            idleTimers.Add(token);
        }

        relay.Cut();
        var outage = Stopwatch.StartNew();

        // The fault is real: the timers fell due, could not be sent, and wait in the store for another attempt.
        await Eventually.Until(
            () => host.Database.Count("SELECT count(*) FROM scheduled_timer WHERE token_id = ANY(@tokens) AND last_error IS NOT NULL",
                ("tokens", idleTimers.ToArray())),
            n => n == Carts, TimeSpan.FromSeconds(40), "every due timer failed to send and kept for retry");
        await Eventually.Until(() => Task.FromResult(outage.Elapsed), elapsed => elapsed >= Outage, Outage + TimeSpan.FromSeconds(5),
            "the outage to last its minute");
        Assert.Empty(host.EmailRequests.Received);

        relay.Open();

        var requests = await host.EmailRequests.WaitFor(m => carts.Contains(m.JourneyId), count: Carts, TimeSpan.FromSeconds(90));
        await Eventually.Until(
            () => host.Database.Count("SELECT count(*) FROM cart_abandonment_state WHERE current_state = 'Abandoned'"),
            n => n == Carts, TimeSpan.FromSeconds(30), "every cart abandoned");
        Assert.Equal(carts.Order(), requests.Select(r => r.Message.JourneyId).Order());
        Assert.All(requests, r => Assert.Equal(CartAbandonmentSteps.Recovery, r.Message.Step));
        Assert.Equal(0, await host.Database.Count("SELECT count(*) FROM scheduled_timer WHERE token_id = ANY(@tokens)", ("tokens", idleTimers.ToArray())));
        Assert.Equal(Carts, host.EmailRequests.Received.Count(r => carts.Contains(r.Message.JourneyId)));
    }
}

using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;

namespace CartRecovery.IntegrationTests.Scheduling;

/// <summary>The host reaches the broker through a relay the spec cuts before the timer fires.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_the_broker_is_unreachable_at_fire_time(ServiceEndpoints services)
{
    private readonly Guid _cartId = Guid.NewGuid();

    [Fact]
    public async Task Should_keep_retrying_until_the_broker_is_back_and_deliver_once()
    {
        await using var proxy = new LoopbackTcpProxy(services.RabbitMq.Host, services.RabbitMq.Port);
        proxy.Open();
        var viaProxy = new UriBuilder(services.RabbitMq) { Host = "127.0.0.1", Port = proxy.Port }.Uri;
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            // No purge: MassTransit purges again on every reconnect, which would swallow the recovered timer.
            o.RabbitMq = viaProxy;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:00:03";
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:05:00";
        });

        await host.Bus.Publish(CartEvents.ItemAdded(_cartId));
        var idleToken = await Eventually.Until(
            async () => await host.Database.Scalar<Guid?>("SELECT idle_timeout_token_id FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _cartId)) ?? Guid.Empty,
            token => token != Guid.Empty, TimeSpan.FromSeconds(20), "idle timer armed");
        proxy.Cut();

        // The timer falls due, cannot be sent, and stays in the store with a retry scheduled.
        await Eventually.Until(
            () => host.Database.Count("SELECT count(*) FROM scheduled_timer WHERE token_id = @token AND last_error IS NOT NULL", ("token", idleToken)),
            failed => failed == 1, TimeSpan.FromSeconds(60), "a failed firing kept for retry");
        proxy.Open();

        var requests = await host.EmailRequests.WaitFor(m => m.JourneyId == _cartId, count: 1, TimeSpan.FromSeconds(90));
        Assert.Equal(CartAbandonmentSteps.Recovery, Assert.Single(requests).Message.Step);
        await Eventually.Until(() => host.Database.CartState(_cartId), s => s == "Abandoned", TimeSpan.FromSeconds(20), "abandoned");
        Assert.Single(host.EmailRequests.Received);
    }
}

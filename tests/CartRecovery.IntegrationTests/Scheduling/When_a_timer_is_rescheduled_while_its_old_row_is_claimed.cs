using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Scheduling;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Scheduling;

/// <summary>A slow instance has claimed the cart's idle timer; meanwhile checkout removes it and a new item arms a
/// new one. The slow instance then sends what it claimed.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_timer_is_rescheduled_while_its_old_row_is_claimed(ServiceEndpoints services)
{
    private readonly Guid _cartId = Guid.NewGuid();

    [Fact]
    public async Task Should_fire_only_with_the_new_token()
    {
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:00:04";
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:05:00";
        });
        var table = host.Services.GetRequiredService<TimerTable>();
        await host.Bus.Publish(CartEvents.ItemAdded(_cartId));
        var oldToken = await Eventually.Until(
            async () => await host.Database.Scalar<Guid?>("SELECT idle_timeout_token_id FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _cartId)) ?? Guid.Empty,
            token => token != Guid.Empty, TimeSpan.FromSeconds(20), "idle timer armed");
        var oldDue = await host.Database.Scalar<DateTime>("SELECT due_at FROM scheduled_timer WHERE token_id = @token", ("token", oldToken));
        var claimed = Assert.Single(await table.Claim(1_000, new DateTimeOffset(oldDue, TimeSpan.Zero), TimeSpan.FromMinutes(1), CancellationToken.None),
            t => t.TokenId == oldToken);

        await host.Bus.Publish(CartEvents.CheckoutStarted(_cartId));
        await Eventually.Until(() => host.Database.CartState(_cartId), s => s == "CheckingOut", TimeSpan.FromSeconds(20), "checkout removed the idle timer");
        await host.Bus.Publish(CartEvents.ItemAdded(_cartId, "SKU-2"));
        var newToken = await Eventually.Until(
            async () => await host.Database.Scalar<Guid?>("SELECT idle_timeout_token_id FROM cart_abandonment_state WHERE correlation_id = @id AND current_state = 'Active'", ("id", _cartId)) ?? oldToken,
            token => token != oldToken, TimeSpan.FromSeconds(20), "a new idle timer armed");

        // The slow instance sends the old timer after all, the way the poller would.
        var queue = await host.Bus.GetSendEndpoint(claimed.Destination);
        await queue.Send(new CartIdleTimeoutElapsed { CartId = _cartId }, c =>
        {
            c.MessageId = claimed.MessageId;
            c.Headers.Set(MessageHeaders.SchedulingTokenId, oldToken.ToString("D"));
        });
        await table.Complete([claimed], CancellationToken.None);

        var requests = await host.EmailRequests.WaitFor(m => m.JourneyId == _cartId, count: 1, TimeSpan.FromSeconds(30));
        await Eventually.Until(() => host.Database.CartState(_cartId), s => s == "Abandoned", TimeSpan.FromSeconds(10), "abandoned");
        Assert.Equal(CartAbandonmentSteps.Recovery, Assert.Single(requests).Message.Step);
        Assert.Equal(2, Assert.Single(requests).Message.Products.Count);
        await Eventually.Until(() => host.Database.PendingTimers(newToken), n => n == 0, TimeSpan.FromSeconds(10), "the new timer completed");
    }
}

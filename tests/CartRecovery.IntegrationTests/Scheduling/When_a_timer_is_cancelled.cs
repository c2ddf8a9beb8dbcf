using CartRecovery.Journeys;
using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;
using MassTransit;

namespace CartRecovery.IntegrationTests.Scheduling;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_timer_is_cancelled(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private TestHost _host = null!;
    private Guid _idleToken;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:01:00";
        });
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId));
        _idleToken = await Eventually.Until(
            async () => await _host.Database.Scalar<Guid?>("SELECT idle_timeout_token_id FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _cartId)) ?? Guid.Empty,
            token => token != Guid.Empty, TimeSpan.FromSeconds(20), "idle timer armed");
        await _host.Bus.Publish(CartEvents.CheckoutStarted(_cartId));
        await Eventually.Until(() => _host.Database.CartState(_cartId), s => s == "CheckingOut", TimeSpan.FromSeconds(20), "checking out");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_remove_the_trigger_from_the_store()
    {
        Assert.Equal(0, await _host.Database.PendingTimers(_idleToken));
        Assert.Equal(2, await _host.Database.PendingTimers()); // the expiry stays, and checkout's own reminder is armed
    }

    [Fact]
    public async Task Should_change_nothing_when_the_cancelled_timer_fires_anyway()
    {
        var staleMessageId = NewId.NextGuid();
        var endpoint = await _host.Bus.GetSendEndpoint(JourneyEndpoints.CustomerEvents);
        await endpoint.Send(new CartIdleTimeoutElapsed { CartId = _cartId }, c =>
        {
            c.MessageId = staleMessageId;
            c.Headers.Set(MessageHeaders.SchedulingTokenId, _idleToken.ToString("D"));
        });

        await Eventually.Until(
            () => _host.Database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id AND delivered IS NOT NULL", ("id", staleMessageId)),
            n => n == 1, TimeSpan.FromSeconds(20), "stale timer consumed");
        Assert.Equal("CheckingOut", await _host.Database.CartState(_cartId));
        Assert.Empty(_host.EmailRequests.Received);
    }
}

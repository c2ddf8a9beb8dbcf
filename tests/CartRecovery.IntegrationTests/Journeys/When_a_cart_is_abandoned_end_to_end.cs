using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;

namespace CartRecovery.IntegrationTests.Journeys;

/// <summary>The cart journey over RabbitMQ and PostgreSQL (timers included), with delays of seconds.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_cart_is_abandoned_end_to_end(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId, "SKU-1", quantity: 2, unitPrice: 30m));
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId, "SKU-2", quantity: 1, unitPrice: 15m));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_request_the_recovery_email_then_the_discount_email()
    {
        var requests = await _host.EmailRequests.WaitFor(m => m.JourneyId == _cartId, count: 2, TimeSpan.FromSeconds(30));

        Assert.Equal([CartAbandonmentSteps.Recovery, CartAbandonmentSteps.Discount], requests.Select(r => r.Message.Step));
        Assert.Equal(["SKU-1", "SKU-2"], requests[0].Message.Products.Select(p => p.Sku).Order());
        Assert.Equal(75m, requests[0].Message.CartValue);
        Assert.Equal(10, requests[1].Message.DiscountPercent);

        var state = await Eventually.Until(() => _host.Database.CartState(_cartId), s => s == "DiscountOffered", TimeSpan.FromSeconds(10), "cart state");
        Assert.Equal("DiscountOffered", state);
        // Only the expiry is left waiting, once the fired timers' rows are completed.
        await Eventually.Until(() => _host.Database.PendingTimers(), n => n == 1, TimeSpan.FromSeconds(10), "only the expiry left");
    }

    [Fact]
    public async Task Should_end_recovered_when_the_order_follows_the_email()
    {
        await _host.EmailRequests.WaitFor(m => m.JourneyId == _cartId, count: 1, TimeSpan.FromSeconds(30));
        await _host.Bus.Publish(CartEvents.OrderPlaced(_cartId));

        var ended = await _host.JourneysEnded.WaitFor(m => m.CartId == _cartId, count: 1, TimeSpan.FromSeconds(30));
        Assert.Equal(CartJourneyOutcomes.Recovered, ended[0].Message.Outcome);
        Assert.Equal("Final", await _host.Database.CartState(_cartId));
        Assert.Equal(0, await _host.Database.PendingTimers());
    }
}

using CartRecovery.IntegrationTests.Infrastructure;
using MassTransit;

namespace CartRecovery.IntegrationTests.Persistence;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_same_message_is_delivered_twice(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly Guid _messageId = NewId.NextGuid();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);
        // Different event ids, so only the inbox (keyed by message id) can tell these are one message.
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId, quantity: 1), c => c.MessageId = _messageId);
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId, quantity: 1), c => c.MessageId = _messageId);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_apply_it_once_and_count_both_deliveries()
    {
        // The cart, browse and win-back journeys and the profile projection consume it from one queue, with one
        // inbox row: wait until that row has seen and finished both deliveries.
        await Eventually.Until(
            () => _host.Database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id AND receive_count = 2 AND delivered IS NOT NULL", ("id", _messageId)),
            n => n == 1, TimeSpan.FromSeconds(30), "second delivery seen by the inbox");

        Assert.Equal(1, await _host.Database.Count(
            "SELECT (lines->0->>'quantity')::int FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _cartId)));
        Assert.Equal(0, await _host.Database.Count(
            "SELECT version FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _cartId)));
    }
}

using CartRecovery.IntegrationTests.Infrastructure;
using MassTransit;

namespace CartRecovery.IntegrationTests.Persistence;

/// <summary>An item added to a cart concerns the cart journey, the inactivity journey and the customer's profile.
/// It is received once, on customer-events, and applied to all three in one transaction.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_one_event_concerns_several_journeys(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly Guid _messageId = NewId.NextGuid();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00");
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId), c => c.MessageId = _messageId);
        await Eventually.Until(() => _host.Database.Count(
                "SELECT count(*) FROM inbox_state WHERE message_id = @id AND consumed IS NOT NULL", ("id", _messageId)),
            n => n > 0, TimeSpan.FromSeconds(30), "item-added event consumed");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_keep_one_inbox_row_for_the_event() =>
        Assert.Equal(1, await _host.Database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id", ("id", _messageId)));

    [Fact]
    public async Task Should_write_every_journey_the_profile_and_the_timer_in_one_commit()
    {
        // xmin is the transaction that wrote a row's current version: one value means one commit.
        var writers = await _host.Database.Count("""
            SELECT count(DISTINCT writer) FROM (
                SELECT xmin::text AS writer FROM inbox_state WHERE message_id = @id
                UNION ALL SELECT xmin::text FROM cart_abandonment_state WHERE correlation_id = @cart
                UNION ALL SELECT xmin::text FROM inactivity_state WHERE customer_id = @customer
                UNION ALL SELECT xmin::text FROM customer_profile WHERE customer_id = @customer
                UNION ALL SELECT xmin::text FROM scheduled_timer WHERE journey_id IS NULL AND body LIKE '%' || @cartText || '%'
            ) AS rows
            """, ("id", _messageId), ("cart", _cartId), ("customer", CartEvents.CustomerId), ("cartText", _cartId.ToString()));
        var rows = await _host.Database.Count("""
            SELECT (SELECT count(*) FROM cart_abandonment_state WHERE correlation_id = @cart)
                 + (SELECT count(*) FROM inactivity_state WHERE customer_id = @customer)
                 + (SELECT count(*) FROM customer_profile WHERE customer_id = @customer)
            """, ("cart", _cartId), ("customer", CartEvents.CustomerId));

        Assert.Equal(3, rows);
        Assert.Equal(1, writers);
    }
}

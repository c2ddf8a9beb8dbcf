using CartRecovery.Journeys;
using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using MassTransit;

namespace CartRecovery.IntegrationTests.Persistence;

/// <summary>
/// A host commits the saga change and its outgoing messages, then the broker never confirms their delivery (it went
/// away). The message is consumed: it is settled at once, neither retried nor dead-lettered, since retrying would
/// hold the endpoint from reconnecting through one more delivery timeout per attempt. Its sends wait in the outbox
/// and go out when the message comes back, to this host or another (the saga is not run again), or by the sweeper.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_delivery_is_not_confirmed_after_commit : IAsyncLifetime
{
    private readonly ServiceEndpoints _services;
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly Guid _orderMessageId = NewId.NextGuid();
    private readonly ReceiveOutcomes _outcomes = new();
    private readonly OrderPlaced _order;
    private string _database = "";
    private long _versionAfterCommit;
    private bool _orderFaulted;

    public When_delivery_is_not_confirmed_after_commit(ServiceEndpoints services)
    {
        _services = services;
        _order = CartEvents.OrderPlaced(_cartId);
    }

    public async Task InitializeAsync()
    {
        _database = await _services.CreateDatabase();
        await using var failing = await TestHost.Start(_services, _database, o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00";
            o.Settings["Outbox:MessageDeliveryTimeout"] = "00:00:01";
            o.Bus = (_, bus) =>
            {
                bus.ConnectReceiveObserver(_outcomes);
                bus.ConfigureSend(s => s.UseFilter(new HoldSendsTo(nameof(CartJourneyEnded))));
            };
        });
        await failing.Bus.Publish(CartEvents.ItemAdded(_cartId));
        await Eventually.Until(() => failing.Database.CartState(_cartId), s => s == "Active", TimeSpan.FromSeconds(20), "cart created");
        await failing.Bus.Publish(_order, c => c.MessageId = _orderMessageId);
        _orderFaulted = await _outcomes.Faulted(_orderMessageId, TimeSpan.FromSeconds(30));
        _versionAfterCommit = await failing.Database.Count("SELECT version FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _cartId));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_settle_the_message_once_without_retrying_or_dead_lettering_it()
    {
        Assert.False(_orderFaulted);
        var database = new TestDatabase(_database);
        Assert.Equal(1, await database.Count("SELECT receive_count FROM inbox_state WHERE message_id = @id", ("id", _orderMessageId)));
    }

    [Fact]
    public async Task Should_have_committed_the_change_with_its_message_waiting_in_the_outbox()
    {
        var database = new TestDatabase(_database);
        Assert.Equal("Final", await database.CartState(_cartId));
        Assert.Equal(1, await database.Count("SELECT count(*) FROM outbox_message WHERE inbox_message_id = @id", ("id", _orderMessageId)));
        Assert.Equal(1, await database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id AND consumed IS NOT NULL AND delivered IS NULL", ("id", _orderMessageId)));
    }

    [Fact]
    public async Task Should_deliver_the_stored_messages_once_when_the_message_comes_back()
    {
        await using var recovered = await TestHost.Start(_services, _database);
        var endpoint = await recovered.Bus.GetSendEndpoint(JourneyEndpoints.CustomerEvents);
        await endpoint.Send(_order, c => c.MessageId = _orderMessageId);

        var ended = await recovered.JourneysEnded.WaitFor(m => m.CartId == _cartId, count: 1, TimeSpan.FromSeconds(30));
        Assert.Equal(CartJourneyOutcomes.Converted, ended[0].Message.Outcome);
        await Eventually.Until(() => recovered.Database.Count("SELECT count(*) FROM outbox_message"), n => n == 0, TimeSpan.FromSeconds(10), "outbox emptied");
        Assert.Equal(_versionAfterCommit, await recovered.Database.Count("SELECT version FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _cartId)));
        Assert.Single(recovered.JourneysEnded.Received);
    }

    [Fact]
    public async Task Should_have_the_sweeper_deliver_them_once_when_the_message_never_comes_back()
    {
        await using var recovered = await TestHost.Start(_services, _database, o =>
        {
            o.Settings["Outbox:SweepInterval"] = "00:00:01";
            o.Settings["Outbox:SweepAfter"] = "00:00:01";
            o.Settings["Outbox:MessageDeliveryTimeout"] = "00:00:00.500";
        });

        var ended = await recovered.JourneysEnded.WaitFor(m => m.CartId == _cartId, count: 1, TimeSpan.FromSeconds(30));
        Assert.Equal(CartJourneyOutcomes.Converted, ended[0].Message.Outcome);
        await Eventually.Until(() => recovered.Database.Count("SELECT count(*) FROM outbox_message"), n => n == 0, TimeSpan.FromSeconds(10), "outbox emptied");
        Assert.Equal(1, await recovered.Database.Count(
            "SELECT count(*) FROM inbox_state WHERE message_id = @id AND delivered IS NOT NULL", ("id", _orderMessageId)));
        Assert.Single(recovered.JourneysEnded.Received);
    }
}

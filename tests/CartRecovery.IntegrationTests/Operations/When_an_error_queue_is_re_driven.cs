using CartRecovery.Journeys;
using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Rows;
using CartRecovery.Persistence.Sagas;
using CartRecovery.Service.Operations;
using MassTransit;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Operations;

/// <summary>An item-added event failed on the cart journey until a bug was fixed; support re-drives the journey's
/// error queue, first looking at what would move.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_an_error_queue_is_re_driven(ServiceEndpoints services) : IAsyncLifetime
{
    private const string ErrorQueue = $"{JourneyEndpoints.CustomerEventsQueue}_error";
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly Guid _messageId = NewId.NextGuid();
    private readonly FaultInjection _faults = new();
    private BrokerQueues _queues = null!;
    private TestHost _host = null!;

    private ErrorQueueRedrive Redrive => _host.Services.GetRequiredService<ErrorQueueRedrive>();

    public async Task InitializeAsync()
    {
        _queues = await BrokerQueues.Connect(services.RabbitMq);
        // Earlier scenarios may have left messages of their own carts there; this one re-drives only its own.
        await _queues.Purge(ErrorQueue);
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00";
            o.Services = s => s.AddScoped<ISagaRepositoryContextFactory<CartAbandonmentState>>(p =>
                new FaultInjectingSagaRepositoryContextFactory<CartAbandonmentState>(
                    ActivatorUtilities.CreateInstance<PostgresSagaRepositoryContextFactory<CartAbandonmentState>>(p),
                    _faults));
        });

        _faults.When = c => c.TryGetMessage<CartItemAdded>(out var m) && m.Message.CartId == _cartId;
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId, quantity: 1), c => c.MessageId = _messageId);
        await Eventually.Until(() => _queues.Ready(ErrorQueue), n => n == 1, TimeSpan.FromSeconds(30), "item-added event in the error queue");
        _faults.When = _ => false;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        // The dry run leaves its message behind; the next scenario on this broker should not meet it.
        await _queues.Purge(ErrorQueue);
        await _queues.DisposeAsync();
    }

    [Fact]
    public async Task Should_list_the_message_on_a_dry_run_and_move_nothing()
    {
        var result = await Redrive.RunAsync(new RedriveRequest(ErrorQueue, DryRun: true), CancellationToken.None);

        var listed = Assert.Single(result.Messages);
        Assert.Equal(_messageId, Guid.Parse(listed.MessageId!));
        Assert.Equal("urn:message:CartRecovery.Contracts:CartItemAdded", listed.MessageType);
        Assert.Equal(JourneyEndpoints.CustomerEventsQueue, listed.DestinationQueue);
        Assert.Equal("fault", listed.Reason);
        Assert.Equal("System.InvalidOperationException", listed.ExceptionType);
        Assert.Contains("Injected fault", listed.FaultMessage, StringComparison.Ordinal);
        Assert.Equal((1, 0), (result.Waiting, result.Moved));
        await Eventually.Until(() => _queues.Ready(ErrorQueue), n => n == 1, TimeSpan.FromSeconds(5), "message back in the error queue");
        Assert.Null(await _host.Database.CartState(_cartId));
        // The event applies to every journey in one transaction: the cart journey's fault left nothing of it anywhere.
        Assert.Equal(0, await _host.Database.Count(
            "SELECT count(*) FROM inbox_state WHERE message_id = @id", ("id", _messageId)));
        Assert.Equal(0, await _host.Database.Count(
            "SELECT count(*) FROM inactivity_state WHERE customer_id = @customer", ("customer", CartEvents.CustomerId)));
    }

    [Fact]
    public async Task Should_apply_the_event_exactly_once_and_leave_nothing_to_move_again()
    {
        var result = await Redrive.RunAsync(new RedriveRequest(ErrorQueue), CancellationToken.None);

        Assert.Equal((1, 1), (result.Waiting, result.Moved));
        // The failed attempts rolled back their inbox row with everything else, so the inbox does not take the
        // re-driven message for a duplicate: every consumer of the event has it consumed once, the cart journey too.
        await Eventually.Until(
            () => _host.Database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id AND consumed IS NOT NULL AND delivered IS NOT NULL", ("id", _messageId)),
            n => n == 1, TimeSpan.FromSeconds(30), "re-driven event consumed");
        Assert.Equal(1, await _host.Database.Count(
            "SELECT count(*) FROM inbox_state WHERE message_id = @id AND receive_count = 1", ("id", _messageId)));
        Assert.Equal("Active", await _host.Database.CartState(_cartId));
        Assert.Equal(1, await _host.Database.Count(
            "SELECT (lines->0->>'quantity')::int FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _cartId)));
        Assert.Equal(0, await _host.Database.Count(
            "SELECT version FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _cartId)));
        Assert.Equal(0u, await _queues.Ready(ErrorQueue));

        var again = await Redrive.RunAsync(new RedriveRequest(ErrorQueue), CancellationToken.None);
        Assert.Equal((0, 0), (again.Waiting, again.Moved));
        Assert.Empty(again.Messages);
    }
}

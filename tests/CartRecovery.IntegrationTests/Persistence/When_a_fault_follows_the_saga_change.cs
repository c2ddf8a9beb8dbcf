using System.Text.RegularExpressions;
using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Rows;
using CartRecovery.Persistence.Sagas;
using MassTransit;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Persistence;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_fault_follows_the_saga_change(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _newCart = Guid.NewGuid();
    private readonly Guid _existingCart = Guid.NewGuid();
    private readonly CartErrorQueue _errorQueue = new();
    private readonly FaultInjection _faults = new();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00";
            o.Bus = (_, bus) => _errorQueue.Connect(bus);
            o.Services = s => s.AddScoped<ISagaRepositoryContextFactory<CartAbandonmentState>>(p =>
                new FaultInjectingSagaRepositoryContextFactory<CartAbandonmentState>(
                    ActivatorUtilities.CreateInstance<PostgresSagaRepositoryContextFactory<CartAbandonmentState>>(p),
                    _faults));
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_leave_no_saga_no_timer_and_no_consumed_mark_for_a_new_cart()
    {
        _faults.When = c => c.TryGetMessage<CartItemAdded>(out var m) && m.Message.CartId == _newCart;
        var added = CartEvents.ItemAdded(_newCart);
        await _host.Bus.Publish(added, c => c.MessageId = added.EventId);

        var faulted = await _errorQueue.ItemsAdded.WaitFor(m => m.CartId == _newCart, count: 1, TimeSpan.FromSeconds(30));
        Assert.Contains("Injected fault", faulted[0].ReceiveContext.TransportHeaders.Get<string>("MT-Fault-Message"), StringComparison.Ordinal);
        Assert.Null(await _host.Database.CartState(_newCart));
        Assert.Equal(0, await _host.Database.PendingTimers());
        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM outbox_message"));
        // Every consumer of the event rolled back with the journey, the inbox row too: nothing is left half-done.
        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id", ("id", added.EventId)));
    }

    [Fact]
    public async Task Should_count_no_journey_start_for_attempts_that_rolled_back()
    {
        _faults.When = c => c.TryGetMessage<CartItemAdded>(out var m) && m.Message.CartId == _newCart;
        await _host.Bus.Publish(CartEvents.ItemAdded(_newCart));
        await _errorQueue.ItemsAdded.WaitFor(m => m.CartId == _newCart, count: 1, TimeSpan.FromSeconds(30));

        // The event applies to every journey in one transaction: the win-back journey it would have started rolled
        // back with the cart's every attempt, and neither start is counted.
        var metrics = await _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.DoesNotMatch("cartrecovery_journeys_started_total\\{[^}]*journey=\"inactivity\"", metrics);
        Assert.DoesNotMatch("cartrecovery_journeys_started_total\\{[^}]*journey=\"cart-abandonment\"", metrics);
        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM inactivity_state"));
    }

    [Fact]
    public async Task Should_leave_the_row_unchanged_and_publish_nothing_for_an_existing_cart()
    {
        await _host.Bus.Publish(CartEvents.ItemAdded(_existingCart));
        await Eventually.Until(() => _host.Database.CartState(_existingCart), s => s == "Active", TimeSpan.FromSeconds(20), "cart created");
        var versionBefore = await _host.Database.Count("SELECT version FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _existingCart));

        _faults.When = c => c.TryGetMessage<OrderPlaced>(out var m) && m.Message.CartId == _existingCart;
        await _host.Bus.Publish(CartEvents.OrderPlaced(_existingCart));
        await _errorQueue.OrdersPlaced.WaitFor(m => m.CartId == _existingCart, count: 1, TimeSpan.FromSeconds(30));

        Assert.Equal("Active", await _host.Database.CartState(_existingCart));
        Assert.Equal(versionBefore, await _host.Database.Count("SELECT version FROM cart_abandonment_state WHERE correlation_id = @id", ("id", _existingCart)));
        Assert.Equal(2, await _host.Database.PendingTimers());
        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM outbox_message"));
        Assert.Empty(_host.JourneysEnded.Received);
    }
}

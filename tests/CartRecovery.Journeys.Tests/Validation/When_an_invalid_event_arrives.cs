using CartRecovery.Journeys;
using System.Collections.Concurrent;
using CartRecovery.Contracts;
using CartRecovery.Journeys.Tests.Support;
using MassTransit;

namespace CartRecovery.Journeys.Tests.Validation;

public sealed class When_an_invalid_event_arrives : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly ConcurrentQueue<ConsumeContext<CartItemAdded>> _errorQueue = new();
    private readonly TaskCompletionSource _movedToErrorQueue = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JourneyHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await JourneyHarness.Start();
        var handle = _h.Bus.Bus.ConnectReceiveEndpoint($"{JourneyEndpoints.CustomerEventsQueue}_error", e =>
        {
            // Read only what MassTransit moved here, not a copy of every publish.
            e.ConfigureConsumeTopology = false;
            e.Handler<CartItemAdded>(context =>
            {
                _errorQueue.Enqueue(context);
                _movedToErrorQueue.TrySetResult();
                return Task.CompletedTask;
            });
        });
        await handle.Ready;

        var invalid = Events.ItemAdded(_cartId, _h.Now, unitPrice: -5m) with { CustomerId = "" };
        await _h.Publish(invalid);
        await _movedToErrorQueue.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public void Should_move_it_to_the_error_queue_with_the_reasons()
    {
        var moved = Assert.Single(_errorQueue);
        var reason = moved.ReceiveContext.TransportHeaders.Get<string>("MT-Fault-Message");
        Assert.NotNull(reason);
        Assert.Contains("Customer Id", reason, StringComparison.Ordinal);
        Assert.Contains("Unit Price", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_record_the_rejection_without_personal_data()
    {
        var rejected = Assert.Single(_h.Rejections.Rejected);
        Assert.Equal(nameof(CartItemAdded), rejected.MessageType);
        Assert.Equal(JourneyEndpoints.CustomerEventsQueue, rejected.Endpoint);
        Assert.Contains(rejected.Errors, e => e.StartsWith("CustomerId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_never_reach_the_saga()
    {
        Assert.Null(await _h.LoadCart(_cartId));
        Assert.Empty(_h.Scheduler.Pending);
    }

    [Fact]
    public void Should_not_be_retried()
    {
        Assert.Single(_h.Rejections.Rejected);
    }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys.Tests.Support;
using MassTransit;

namespace CartRecovery.Journeys.Tests.Configuration;

/// <summary>The customer-events endpoint partitions every message before its transaction: a customer's events by
/// customer, a timer by its journey. A type without a key would fail the endpoint at start; these specs say so first.</summary>
public sealed class Every_journey_message_has_a_partition_key : IAsyncLifetime
{
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync() => _h = await MoreJourneysHarness.Start();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public void Every_event_and_timer_of_every_journey_has_one()
    {
        var consumed = new StateMachine[] { _h.Carts.StateMachine, _h.Browses.StateMachine, _h.Purchases.StateMachine, _h.Customers.StateMachine }
            .SelectMany(m => m.Events)
            .Select(e => e.GetType().GetInterfaces()
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Event<>))?.GetGenericArguments()[0])
            .OfType<Type>()
            .Distinct()
            .ToList();

        Assert.NotEmpty(consumed);
        foreach (var type in consumed)
        {
            var key = typeof(JourneyPartitionKey).GetMethod(nameof(JourneyPartitionKey.For))!.MakeGenericMethod(type).Invoke(null, null);
            Assert.NotNull(key);
        }
    }

    [Fact]
    public void A_customers_events_share_one_partition_whatever_journey_they_concern()
    {
        var added = new CartItemAdded
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UnixEpoch, CustomerId = "customer-7", CartId = Guid.NewGuid(),
            Item = new ProductLine { Sku = "SKU-1", Name = "Mug", Quantity = 1, UnitPrice = 9m, Currency = "EUR" },
        };
        var placed = new OrderPlaced
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UnixEpoch, CustomerId = "customer-7", OrderId = Guid.NewGuid(),
            Total = 9m, Currency = "EUR", Lines = [],
        };

        Assert.Equal("customer-7", JourneyPartitionKey.For<CartItemAdded>()(added));
        Assert.Equal("customer-7", JourneyPartitionKey.For<OrderPlaced>()(placed));
    }

    [Fact]
    public void A_timer_waits_with_its_journey()
    {
        var cartId = Guid.NewGuid();

        Assert.Equal(cartId.ToString("N"), JourneyPartitionKey.For<CartIdleTimeoutElapsed>()(new CartIdleTimeoutElapsed { CartId = cartId }));
    }

    [Fact]
    public void A_message_without_customer_or_journey_is_refused_at_start() =>
        Assert.Throws<ConfigurationException>(() => JourneyPartitionKey.For<Unkeyed>());

    private sealed record Unkeyed(string Text);
}

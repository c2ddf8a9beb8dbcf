using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Tests.Support;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Tests.Configuration;

/// <summary>A message type left out of a journey's partitions still works, but two messages of one instance then
/// race for its row: a duplicate insert or a lock wait and a retry, logged as errors. Every type each journey
/// consumes must be routed to its instance's partition.</summary>
public sealed class Every_journey_message_is_partitioned_by_its_instance : IAsyncLifetime
{
    private static readonly IOptions<JourneyEndpointOptions> EndpointOptions = Options.Create(new JourneyEndpointOptions());
    private static readonly IJourneyEndpointOutbox Outbox = new InMemoryJourneyEndpointOutbox();
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync() => _h = await MoreJourneysHarness.Start();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public void Cart_abandonment() =>
        AssertEveryEventPartitioned(_h.Carts.StateMachine, new CartAbandonmentStateDefinition(EndpointOptions, Outbox).PartitionedMessageTypes());

    [Fact]
    public void Browse_abandonment() =>
        AssertEveryEventPartitioned(_h.Browses.StateMachine, new BrowseAbandonmentStateDefinition(EndpointOptions, Outbox).PartitionedMessageTypes());

    [Fact]
    public void Post_purchase() =>
        AssertEveryEventPartitioned(_h.Purchases.StateMachine, new PostPurchaseStateDefinition(EndpointOptions, Outbox).PartitionedMessageTypes());

    [Fact]
    public void Inactivity() =>
        AssertEveryEventPartitioned(_h.Customers.StateMachine, new InactivityStateDefinition(EndpointOptions, Outbox).PartitionedMessageTypes());

    private static void AssertEveryEventPartitioned(StateMachine machine, IReadOnlyList<Type> partitioned)
    {
        var consumed = machine.Events
            .Select(e => e.GetType().GetInterfaces()
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Event<>))?.GetGenericArguments()[0])
            .OfType<Type>()
            .Distinct()
            .OrderBy(t => t.Name)
            .ToList();

        Assert.NotEmpty(consumed);
        Assert.Equal(consumed.Select(t => t.Name), partitioned.Distinct().OrderBy(t => t.Name).Select(t => t.Name));
    }
}

using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys;

namespace CartRecovery.IntegrationTests.Operations;

/// <summary>An earlier version consumed <see cref="CartJourneyEnded"/> on customer-events to revoke discount codes;
/// the journey revokes them itself now. The new version removes the old binding at start, so a cart's end is no longer
/// delivered there.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_an_installation_upgrades_with_journey_ends_bound_to_customer_events(ServiceEndpoints services) : IAsyncLifetime
{
    private const string JourneyEndedExchange = "CartRecovery.Contracts:CartJourneyEnded";
    private readonly Guid _endedJourney = Guid.NewGuid();
    private readonly Guid _nextCart = Guid.NewGuid();
    private readonly string _customerId = $"upgrade-{Guid.NewGuid():N}";
    private BrokerQueues _queues = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _queues = await BrokerQueues.Connect(services.RabbitMq);
        await _queues.DeclareConsumerQueue(JourneyEndpoints.CustomerEventsQueue, "CartRecovery.Contracts:CartItemAdded");
        await _queues.Bind(JourneyEndpoints.CustomerEventsQueue, JourneyEndedExchange);
        _host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);
        await _host.Database.Execute("""
            INSERT INTO discount_code (code, journey_id, step, customer_id, percent, expires_at, status, issued_at)
            VALUES ('SPEC-UPGRADE', @journey_id, 2, @customer_id, 10, now() + interval '7 days', 'issued', now())
            """, ("journey_id", _endedJourney), ("customer_id", _customerId));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _queues.DisposeAsync();
    }

    [Fact]
    public async Task Should_no_longer_deliver_a_carts_end_to_customer_events()
    {
        var ended = new CartJourneyEnded
        {
            CartId = _endedJourney, CustomerId = _customerId, Outcome = CartJourneyOutcomes.Expired, EndedAt = DateTimeOffset.UtcNow,
        };
        // Both to one queue would arrive in this order and, being one customer's, be consumed in it.
        await _queues.PublishInOrder(
            (JourneyEndedExchange, RawEnvelope.Properties(), RawEnvelope.Body(ended)),
            ("CartRecovery.Contracts:CartItemAdded", RawEnvelope.Properties(), RawEnvelope.Body(CartEvents.ItemAdded(_nextCart, customerId: _customerId))));

        await Eventually.Until(() => _host.Database.CartState(_nextCart), s => s == "Active", TimeSpan.FromSeconds(30), "next event applied");

        Assert.Equal("issued", await _host.Database.Scalar<string>(
            "SELECT status FROM discount_code WHERE journey_id = @journey_id", ("journey_id", _endedJourney)));
    }
}

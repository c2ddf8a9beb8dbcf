using CartRecovery.IntegrationTests.Infrastructure;
using MassTransit;

namespace CartRecovery.IntegrationTests.Persistence;

/// <summary>A first delivery on customer-events learns only at its commit whether another copy of the message was
/// consumed (its inbox row is written with the batch). Copies racing on two hosts must still change everything once.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_copies_of_one_message_race_on_two_hosts(ServiceEndpoints services) : IAsyncLifetime
{
    private const int Copies = 6;
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly string _customerId = $"race-{Guid.NewGuid():N}";
    private readonly Guid _messageId = NewId.NextGuid();
    private TestHost _a = null!;
    private TestHost _b = null!;
    private long _scoreOfOneAdd;

    public async Task InitializeAsync()
    {
        (_a, _b) = await TwoHosts.WithQuietTimers(services);

        var first = CartEvents.ItemAdded(_cartId, "SKU-FIRST", customerId: _customerId);
        await _a.Bus.Publish(first, c => c.MessageId = first.EventId);
        _scoreOfOneAdd = await Eventually.Until(
            () => _a.Database.Count("SELECT coalesce(max(engagement_score), 0) FROM customer_profile WHERE customer_id = @id", ("id", _customerId)),
            n => n > 0, TimeSpan.FromSeconds(30), "the first add counted in the profile");

        // Different event ids, so only the inbox (keyed by message id) can tell the copies are one message.
        await Task.WhenAll(Enumerable.Range(0, Copies).Select(i => (i % 2 == 0 ? _a : _b).Bus.Publish(
            CartEvents.ItemAdded(_cartId, "SKU-RACED", customerId: _customerId), c => c.MessageId = _messageId)));
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Should_apply_it_once_to_the_journey_and_the_profile()
    {
        await Eventually.Until(
            () => _a.Database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id AND receive_count = @copies AND delivered IS NOT NULL",
                ("id", _messageId), ("copies", Copies)),
            n => n == 1, TimeSpan.FromSeconds(30), "every copy seen by the inbox");

        Assert.Equal(1, await _a.Database.Count(
            "SELECT sum((line->>'quantity')::int) FROM cart_abandonment_state, jsonb_array_elements(lines) line WHERE correlation_id = @id AND line->>'sku' = 'SKU-RACED'",
            ("id", _cartId)));
        Assert.Equal(2 * _scoreOfOneAdd, await _a.Database.Count(
            "SELECT engagement_score FROM customer_profile WHERE customer_id = @id", ("id", _customerId)));
    }
}

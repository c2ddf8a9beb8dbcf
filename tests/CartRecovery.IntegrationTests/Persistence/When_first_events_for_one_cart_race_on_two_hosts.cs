using MassTransit;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Persistence;

[Collection(IntegrationCollection.Name)]
public sealed class When_first_events_for_one_cart_race_on_two_hosts(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private TestHost _a = null!;
    private TestHost _b = null!;
    private Guid[] _messageIds = [];

    public async Task InitializeAsync()
    {
        (_a, _b) = await TwoHosts.WithQuietTimers(services);
        var events = Enumerable.Range(0, 20).Select(i => CartEvents.ItemAdded(_cartId, $"SKU-{i}")).ToList();
        _messageIds = [.. events.Select(e => e.EventId)];
        await Task.WhenAll(events.Select((e, i) => (i % 2 == 0 ? _a : _b).Bus.Publish(e, c => c.MessageId = e.EventId)));
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Should_make_exactly_one_saga_with_every_line_and_one_set_of_timers()
    {
        var lines = await Eventually.Until(
            () => _a.Database.Count("SELECT coalesce(sum(jsonb_array_length(lines)), 0) FROM cart_abandonment_state"),
            n => n == 20, TimeSpan.FromSeconds(30), "lines applied");

        Assert.Equal(20, lines);
        Assert.Equal(1, await _a.Database.Count("SELECT count(*) FROM cart_abandonment_state"));
        // One idle timer and one expiry, however many hosts raced to create the journey.
        Assert.Equal(2, await _a.Database.PendingTimers());
        // Each event is also consumed by the profile projection: count messages, not inbox rows.
        await Eventually.Until(() => _a.Database.Count("SELECT count(DISTINCT message_id) FROM inbox_state WHERE message_id = ANY(@ids) AND delivered IS NOT NULL", ("ids", _messageIds)),
            n => n == 20, TimeSpan.FromSeconds(30), "every event's inbox row delivered");
    }
}

using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Persistence;

[Collection(IntegrationCollection.Name)]
public sealed class When_many_updates_for_ten_carts_race_on_two_hosts(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid[] _carts = [.. Enumerable.Range(0, 10).Select(_ => Guid.NewGuid())];
    private TestHost _a = null!;
    private TestHost _b = null!;

    public async Task InitializeAsync()
    {
        var database = await services.CreateDatabase();
        _a = await TestHost.Start(services, database, o => o.PurgeQueues = true);
        _b = await TestHost.Start(services, database);
        var events = Enumerable.Range(0, 200).Select(i => CartEvents.ItemAdded(_carts[i % 10], "SKU-1", quantity: 1)).ToList();
        await Task.WhenAll(events.Select((e, i) => (i % 3 == 0 ? _a : _b).Bus.Publish(e)));
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Should_apply_every_update_exactly_once()
    {
        var total = await Eventually.Until(
            () => _a.Database.Count("SELECT coalesce(sum((lines->0->>'quantity')::int), 0) FROM cart_abandonment_state"),
            n => n >= 200, TimeSpan.FromSeconds(60), "quantities applied");

        Assert.Equal(200, total);
        foreach (var cart in _carts)
        {
            Assert.Equal(20, await _a.Database.Count(
                "SELECT (lines->0->>'quantity')::int FROM cart_abandonment_state WHERE correlation_id = @id", ("id", cart)));
        }

        Assert.Equal(0, await _a.Database.Count("SELECT count(*) FROM rejected_event"));
    }
}

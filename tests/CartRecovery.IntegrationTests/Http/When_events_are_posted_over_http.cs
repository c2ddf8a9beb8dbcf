using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Http;

[Collection(IntegrationCollection.Name)]
public sealed class When_events_are_posted_over_http(ServiceEndpoints services) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00";
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static JsonObject ItemAdded(Guid cartId, Guid eventId, decimal unitPrice = 12.5m) => new()
    {
        ["type"] = "cart.item_added",
        ["eventId"] = eventId,
        ["occurredAt"] = DateTimeOffset.UtcNow,
        ["customerId"] = "http-customer",
        ["cartId"] = cartId,
        ["item"] = new JsonObject
        {
            ["sku"] = "SKU-HTTP", ["name"] = "Mug", ["unitPrice"] = unitPrice, ["currency"] = "EUR", ["quantity"] = 1,
        },
    };

    private Task<HttpResponseMessage> Post(string json) =>
        _host.Http.PostAsync(new Uri("/api/events", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Should_accept_a_valid_batch_and_start_the_journey()
    {
        var cartId = Guid.NewGuid();
        var response = await Post(new JsonArray(ItemAdded(cartId, Guid.NewGuid()), ItemAdded(cartId, Guid.NewGuid())).ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());
        await Eventually.Until(() => _host.Database.Count("SELECT coalesce(sum((lines->0->>'quantity')::int), 0) FROM cart_abandonment_state WHERE correlation_id = @id", ("id", cartId)),
            n => n == 2, TimeSpan.FromSeconds(20), "both events applied");
    }

    [Fact]
    public async Task Should_apply_a_replayed_event_id_once()
    {
        var cartId = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await Post(ItemAdded(cartId, eventId).ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Post(ItemAdded(cartId, eventId).ToJsonString())).StatusCode);

        // The cart, browse and win-back journeys and the profile projection all consume it, from one queue and one
        // inbox row: wait until that row has seen and finished both deliveries.
        await Eventually.Until(
            () => _host.Database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id AND receive_count = 2 AND delivered IS NOT NULL", ("id", eventId)),
            n => n == 1, TimeSpan.FromSeconds(20), "the replay reached the inbox");
        Assert.Equal(1, await _host.Database.Count("SELECT (lines->0->>'quantity')::int FROM cart_abandonment_state WHERE correlation_id = @id", ("id", cartId)));
    }

    [Fact]
    public async Task Should_refuse_malformed_json_with_a_problem()
    {
        var response = await Post("{\"type\": \"cart.item_added\", ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_name_the_item_with_an_unknown_type()
    {
        var unknown = new JsonObject { ["type"] = "cart.teleported" };
        var response = await Post(new JsonArray(ItemAdded(Guid.NewGuid(), Guid.NewGuid()), unknown).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("[1].type", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Should_refuse_a_batch_over_the_limit()
    {
        var batch = new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => (JsonNode)ItemAdded(Guid.NewGuid(), Guid.NewGuid()))]);
        var response = await Post(batch.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_each_invalid_field_and_publish_nothing_of_the_batch()
    {
        var validCart = Guid.NewGuid();
        var response = await Post(new JsonArray(ItemAdded(validCart, Guid.NewGuid()), ItemAdded(Guid.NewGuid(), Guid.NewGuid(), unitPrice: -1m)).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["[1].item.unitPrice"], errors.Select(e => e.Key));

        // A later valid event for another cart is processed; the valid half of the refused batch never was.
        var probeCart = Guid.NewGuid();
        await Post(ItemAdded(probeCart, Guid.NewGuid()).ToJsonString());
        await Eventually.Until(() => _host.Database.CartState(probeCart), s => s == "Active", TimeSpan.FromSeconds(20), "probe applied");
        Assert.Null(await _host.Database.CartState(validCart));
    }
}

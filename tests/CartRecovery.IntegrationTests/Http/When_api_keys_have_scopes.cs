using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Http;

[Collection(IntegrationCollection.Name)]
public sealed class When_api_keys_have_scopes(ServiceEndpoints services) : IAsyncLifetime
{
    private const string ShopKey = "shop-backend-ingest-only-key-0123456789";
    private const string HelpdeskKey = "helpdesk-support-read-key-0123456789";
    private const string LeadKey = "support-lead-read-and-act-key-0123456789";
    private readonly string _customerId = $"scopes-{Guid.NewGuid():N}";
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Api:Keys:shop:Key"] = ShopKey;
            o.Settings["Api:Keys:shop:Scopes:0"] = "ingest";
            o.Settings["Api:Keys:helpdesk:Key"] = HelpdeskKey;
            o.Settings["Api:Keys:helpdesk:Scopes:0"] = "support-read";
            o.Settings["Api:Keys:lead:Key"] = LeadKey;
            o.Settings["Api:Keys:lead:Scopes:0"] = "support-read";
            o.Settings["Api:Keys:lead:Scopes:1"] = "support-act";
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string key, HttpContent? content = null)
    {
        using var client = new HttpClient { BaseAddress = _host.Http.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Should_let_an_ingest_key_post_events_but_not_read_or_cancel()
    {
        var ingest = (await Send(HttpMethod.Post, "/api/events", ShopKey, new StringContent("[]", Encoding.UTF8, "application/json"))).StatusCode;
        Assert.NotEqual(HttpStatusCode.Unauthorized, ingest);
        Assert.NotEqual(HttpStatusCode.Forbidden, ingest);

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, $"/api/customers/{_customerId}/journeys", ShopKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, "/api/reports/journeys", ShopKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Post, $"/api/journeys/{Guid.NewGuid()}/cancel", ShopKey)).StatusCode);
    }

    [Fact]
    public async Task Should_let_a_read_key_read_but_not_erase_or_ingest()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, $"/api/customers/{_customerId}/journeys", HelpdeskKey)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Post, $"/api/customers/{_customerId}/erase", HelpdeskKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Send(HttpMethod.Post, "/api/events", HelpdeskKey, new StringContent("[]", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Should_record_each_support_action_with_the_key_name_and_list_it()
    {
        var journeyId = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Post, $"/api/journeys/{journeyId}/cancel", LeadKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/api/customers/{_customerId}/erase", LeadKey)).StatusCode);

        var response = await Send(HttpMethod.Get, "/api/audit", HelpdeskKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var entries = JsonNode.Parse(body)!["items"]!.AsArray();

        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("lead", e!["actor"]!.GetValue<string>()));
        var cancel = entries.Single(e => e!["action"]!.GetValue<string>() == "cancel")!;
        Assert.Equal(journeyId.ToString(), cancel["target"]!.GetValue<string>());
        Assert.Equal("not-found", cancel["result"]!.GetValue<string>());
        var erase = entries.Single(e => e!["action"]!.GetValue<string>() == "erase")!;
        Assert.StartsWith("erased-", erase["target"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_customerId, body, StringComparison.Ordinal);
        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM support_audit WHERE target = @id", ("id", _customerId)));
    }
}

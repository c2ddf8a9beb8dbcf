using System.Net;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Http;

[Collection(IntegrationCollection.Name)]
public sealed class When_tracking_links_are_hit_too_often(ServiceEndpoints services) : IAsyncLifetime
{
    private const int PermitLimit = 3;
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Tracking:RateLimit:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // A window far longer than the spec, so no refill can fall between its requests.
            o.Settings["Tracking:RateLimit:Window"] = "01:00:00";
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_answer_429_once_one_client_exceeds_the_limit()
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/t/o/x", "/t/c/x", "/u/x", "/t/o/x", "/t/c/x" })
        {
            statuses.Add((await _host.Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        Assert.All(statuses.Take(PermitLimit), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.All(statuses.Skip(PermitLimit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Should_not_limit_the_api()
    {
        for (var i = 0; i <= PermitLimit; i++)
        {
            var response = await _host.Http.GetAsync(new Uri($"/api/journeys/{Guid.NewGuid()}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using CartRecovery.Delivery.Links;
using CartRecovery.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Http;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_bad_link_is_opened_in_a_browser(ServiceEndpoints services) : IAsyncLifetime
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> Browse(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd(BrowserAccept);
        return await _host.Http.SendAsync(request);
    }

    [Theory]
    [InlineData("/u/not-a-link")]
    [InlineData("/t/c/not.a-link")]
    public async Task Should_show_a_page_saying_the_link_is_not_valid(string path)
    {
        var response = await Browse(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_show_a_page_saying_an_expired_link_is_gone()
    {
        var threeYearsAgo = DateTimeOffset.UtcNow.AddYears(-3);
        var link = _host.Services.GetRequiredService<LinkSigner>().UnsubscribeUrl(Guid.NewGuid(), 1, "expired-customer", threeYearsAgo);

        var response = await Browse(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

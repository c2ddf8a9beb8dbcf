using System.Net;
using CartRecovery.Delivery.Links;
using CartRecovery.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Http;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_click_link_points_to_a_foreign_host(ServiceEndpoints services) : IAsyncLifetime
{
    private static readonly Uri ShopHome = new("https://shop.example/");
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Delivery:Links:ShopUrl"] = ShopHome.AbsoluteUri;
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_land_on_the_shop_home_instead()
    {
        // A producer put a foreign address in productUrl; the link was signed in good faith.
        var link = _host.Services.GetRequiredService<LinkSigner>()
            .ClickUrl(Guid.NewGuid(), 1, "foreign-host-customer", new Uri("https://evil.example/login"), DateTimeOffset.UtcNow);

        var response = await _host.Http.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ShopHome, response.Headers.Location);
    }

    [Fact]
    public async Task Should_still_follow_a_link_to_the_shop_itself()
    {
        var target = new Uri("https://shop.example/p/boot-42?utm_source=email");
        var link = _host.Services.GetRequiredService<LinkSigner>()
            .ClickUrl(Guid.NewGuid(), 1, "foreign-host-customer", target, DateTimeOffset.UtcNow);

        var response = await _host.Http.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));

        Assert.Equal(target, response.Headers.Location);
    }
}

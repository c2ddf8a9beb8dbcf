using System.Net;
using CartRecovery.Delivery.Links;
using CartRecovery.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Http;

[Collection(IntegrationCollection.Name)]
public sealed class When_links_in_an_email_are_followed(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly string _customerId = $"links-{Guid.NewGuid():N}";
    private readonly Guid _journeyId = Guid.NewGuid();
    private TestHost _host = null!;
    private LinkSigner _links = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);
        _links = _host.Services.GetRequiredService<LinkSigner>();
        await _host.Bus.Publish(Customers.Consenting(_customerId));
        await Customers.ProfileReady(_host, _customerId);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Uri PathOf(Uri link) => new(link.PathAndQuery, UriKind.Relative);

    private Task<long> EngagementScore() =>
        _host.Database.Count("SELECT engagement_score FROM customer_profile WHERE customer_id = @id", ("id", _customerId));

    [Fact]
    public async Task Should_return_a_gif_for_the_open_pixel_and_record_the_open()
    {
        var response = await _host.Http.GetAsync(PathOf(_links.OpenPixelUrl(_journeyId, 1, _customerId, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/gif", response.Content.Headers.ContentType?.MediaType);
        await Eventually.Until(EngagementScore, n => n > 0, TimeSpan.FromSeconds(20), "open recorded");
    }

    [Fact]
    public async Task Should_redirect_a_click_to_its_signed_target_only()
    {
        var target = new Uri("https://shop.example/p/boot-42");
        var response = await _host.Http.GetAsync(PathOf(_links.ClickUrl(_journeyId, 1, _customerId, target, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location);
        await Eventually.Until(EngagementScore, n => n > 0, TimeSpan.FromSeconds(20), "click recorded");
    }

    [Fact]
    public async Task Should_refuse_a_tampered_click_without_redirecting()
    {
        var link = _links.ClickUrl(_journeyId, 1, _customerId, new Uri("https://shop.example/p/1"), DateTimeOffset.UtcNow).PathAndQuery;
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];

        var response = await _host.Http.GetAsync(new Uri(tampered, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Should_only_ask_on_get_and_unsubscribe_at_once_on_post()
    {
        var link = PathOf(_links.UnsubscribeUrl(_journeyId, 1, _customerId, DateTimeOffset.UtcNow));

        var page = await _host.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM customer_profile WHERE customer_id = @id AND unsubscribed", ("id", _customerId)));

        var oneClick = await _host.Http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        await Eventually.Until(() => _host.Database.Count("SELECT count(*) FROM customer_profile WHERE customer_id = @id AND unsubscribed", ("id", _customerId)),
            n => n == 1, TimeSpan.FromSeconds(20), "unsubscribed");
    }
}

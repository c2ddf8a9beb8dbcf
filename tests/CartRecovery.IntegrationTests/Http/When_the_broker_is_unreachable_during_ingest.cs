using System.Net;
using System.Text;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Http;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_broker_is_unreachable_during_ingest(ServiceEndpoints services)
{
    [Fact]
    public async Task Should_answer_503_never_202()
    {
        await using var proxy = new LoopbackTcpProxy(services.RabbitMq.Host, services.RabbitMq.Port);
        proxy.Open();
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.RabbitMq = new UriBuilder(services.RabbitMq) { Host = "127.0.0.1", Port = proxy.Port }.Uri;
            o.Settings["Ingest:PublishTimeout"] = "00:00:02";
        });
        proxy.Cut();

        var body = $$"""
            {"type":"checkout.started","eventId":"{{Guid.NewGuid()}}","occurredAt":"{{DateTimeOffset.UtcNow:O}}",
             "customerId":"c-503","cartId":"{{Guid.NewGuid()}}"}
            """;
        var response = await host.Http.PostAsync(new Uri("/api/events", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.Inactivity;

namespace CartRecovery.IntegrationTests.Http;

[Collection(IntegrationCollection.Name)]
public sealed class When_support_asks_about_a_customer(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly string _customerId = $"support-{Guid.NewGuid():N}";
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:00:20";
        });
        await _host.Bus.Publish(Customers.Consenting(_customerId));
        await Customers.ProfileReady(_host, _customerId);
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId, customerId: _customerId));
        await new SmtpSink(services.Maildir).WaitFor($"{_customerId}@example.com", count: 1, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_refuse_a_caller_without_the_api_key()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Http.BaseAddress };
        var response = await anonymous.GetAsync(new Uri($"/api/customers/{_customerId}/journeys", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_show_the_journey_its_next_timer_and_why_the_email_went_out()
    {
        var journeys = await Eventually.Until(
            async () => (await _host.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/customers/{_customerId}/journeys", UriKind.Relative)))!["items"]!.AsArray(),
            items => items.Any(j => j!["journey"]!.GetValue<string>() == "cart-abandonment" && j["decisions"]!.AsArray().Count == 1),
            TimeSpan.FromSeconds(20), "cart journey with its decision");

        // The cart events also started the win-back journey, which support sees beside the cart.
        Assert.Contains(journeys, j => j!["journey"]!.GetValue<string>() == "inactivity");
        var cart = journeys.Single(j => j!["journey"]!.GetValue<string>() == "cart-abandonment")!;
        Assert.Equal(_cartId, cart["id"]!.GetValue<Guid>());
        Assert.Equal("Abandoned", cart["state"]!.GetValue<string>());
        Assert.Equal("discount-follow-up", cart["nextTimer"]!["name"]!.GetValue<string>());
        var decision = cart["decisions"]![0]!;
        Assert.Equal("sent", decision["outcome"]!.GetValue<string>());
        Assert.Equal("allowed", decision["rule"]!.GetValue<string>());
        Assert.Equal($"{_cartId:N}.1@cartrecovery.local", decision["messageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_stop_a_pending_timer_from_emailing_when_cancelled()
    {
        var response = await _host.Http.PostAsync(new Uri($"/api/journeys/{_cartId}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Eventually.Until(() => _host.Database.CartState(_cartId), s => s == "Final", TimeSpan.FromSeconds(20), "cancelled");
        var cart = await _host.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/carts/{_cartId}", UriKind.Relative));
        Assert.Equal("cancelled", cart!["outcome"]!.GetValue<string>());
        Assert.Null(cart["nextTimer"]);
        Assert.Equal(0, await _host.Database.PendingTimers());
        Assert.Single(new SmtpSink(services.Maildir).To($"{_customerId}@example.com"));
    }

    [Fact]
    public async Task Should_cancel_the_win_back_journey_too_and_refuse_a_second_cancel()
    {
        var journeyId = InactivityJourneyId.For(_customerId);
        await Eventually.Until(() => _host.Database.Count("SELECT count(*) FROM inactivity_state WHERE correlation_id = @id", ("id", journeyId)),
            n => n == 1, TimeSpan.FromSeconds(20), "inactivity journey started");

        var response = await _host.Http.PostAsync(new Uri($"/api/journeys/{journeyId}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var journey = await Eventually.Until(
            async () => (await _host.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/journeys/{journeyId}", UriKind.Relative)))!,
            j => j["state"]!.GetValue<string>() == "Final", TimeSpan.FromSeconds(20), "inactivity journey cancelled");
        Assert.Equal("cancelled", journey["outcome"]!.GetValue<string>());
        Assert.False(journey["isRunning"]!.GetValue<bool>());
        Assert.Null(journey["nextTimer"]);

        var again = await _host.Http.PostAsync(new Uri($"/api/journeys/{journeyId}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_journey()
    {
        var response = await _host.Http.GetAsync(new Uri($"/api/journeys/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_count_events_and_emails_in_the_metrics()
    {
        var metrics = await Eventually.Until(
            () => _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            text => text.Contains("cartrecovery_emails_total", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "email metrics");

        Assert.Contains("outcome=\"sent\"", metrics, StringComparison.Ordinal);
        Assert.Contains("cartrecovery_events_consumed_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("cartrecovery_ledger_in_doubt", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(_customerId, metrics, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Reports;

/// <summary>Two customers abandon a cart with half the cart journey held out: one is emailed, one is in the
/// holdout; both then order. The report credits each order to its step and treatment.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_marketing_reports_on_the_journeys(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly string _treated = CustomerIn(heldOut: false);
    private readonly string _heldOut = CustomerIn(heldOut: true);
    private readonly Guid _treatedCart = Guid.NewGuid();
    private readonly Guid _heldOutCart = Guid.NewGuid();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:05:00";
            o.Settings["Delivery:ContactPolicy:HoldoutPercent:cart-abandonment"] = "50";
        });
        foreach (var customer in new[] { _treated, _heldOut })
        {
            await _host.Bus.Publish(Customers.Consenting(customer));
            await Customers.ProfileReady(_host, customer);
        }

        await _host.Bus.Publish(CartEvents.ItemAdded(_treatedCart, customerId: _treated));
        await _host.Bus.Publish(CartEvents.ItemAdded(_heldOutCart, customerId: _heldOut));
        await Eventually.Until(() => _host.Database.Count("SELECT count(*) FROM email_decision WHERE journey = 'cart-abandonment'"),
            n => n == 2, TimeSpan.FromSeconds(30), "both recovery decisions");

        await _host.Bus.Publish(CartEvents.OrderPlaced(_treatedCart, _treated, total: 42.50m));
        await _host.Bus.Publish(CartEvents.OrderPlaced(_heldOutCart, _heldOut, total: 10m));
        await Eventually.Until(() => _host.Database.Count("SELECT count(*) FROM journey_conversion"),
            n => n == 2, TimeSpan.FromSeconds(30), "both orders credited");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_report_the_recovery_step_with_its_conversions_and_revenue()
    {
        var report = await Report("/api/reports/journeys");
        var cart = Journey(report, JourneyNames.CartAbandonment);
        Assert.Equal(2, cart["started"]!.GetValue<int>());

        var recovery = Assert.Single(cart["steps"]!.AsArray())!;
        Assert.Equal("recovery", recovery["stepName"]!.GetValue<string>());
        Assert.Equal(2, recovery["entered"]!.GetValue<int>());
        Assert.Equal(1, recovery["emailed"]!.GetValue<int>());
        Assert.Equal(1, recovery["suppressedByRule"]!["holdout"]!.GetValue<int>());
        Assert.Equal(1, recovery["converted"]!.GetValue<int>());
        Assert.Equal(1.0, recovery["conversionRate"]!.GetValue<double>());
        Assert.Equal(42.50m, recovery["recoveredRevenue"]!["EUR"]!.GetValue<decimal>());
        Assert.NotNull(recovery["medianTimeFromEmailToConversion"]);
    }

    [Fact]
    public async Task Should_show_the_holdout_beside_the_treated()
    {
        var recovery = Journey(await Report("/api/reports/journeys"), JourneyNames.CartAbandonment)["steps"]![0]!;

        Assert.Equal(1, recovery["treated"]!["requests"]!.GetValue<int>());
        Assert.Equal(1, recovery["treated"]!["orders"]!.GetValue<int>());
        Assert.Equal(1, recovery["holdout"]!["requests"]!.GetValue<int>());
        Assert.Equal(1, recovery["holdout"]!["converted"]!.GetValue<int>());
        Assert.Equal(10m, recovery["holdout"]!["revenue"]!["EUR"]!.GetValue<decimal>());
        Assert.Equal(0.0, recovery["uplift"]!.GetValue<double>());
    }

    [Fact]
    public async Task Should_leave_out_what_happened_outside_the_period()
    {
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-10).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"));
        var report = await Report($"/api/reports/journeys?from={from}&to={to}");

        var cart = Journey(report, JourneyNames.CartAbandonment);
        Assert.Equal(0, cart["started"]!.GetValue<int>());
        Assert.Empty(cart["steps"]!.AsArray());
    }

    [Fact]
    public async Task Should_answer_400_naming_the_parameter_when_the_period_is_wrong()
    {
        var response = await _host.Http.GetAsync(new Uri("/api/reports/journeys?from=yesterday", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["from"]);

        var backwards = await _host.Http.GetAsync(new Uri("/api/reports/journeys?from=2026-11-02&to=2026-11-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_caller_without_the_api_key()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Http.BaseAddress };
        var response = await anonymous.GetAsync(new Uri("/api/reports/journeys", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_count_conversions_revenue_and_journey_starts_in_the_metrics()
    {
        var metrics = await Eventually.Until(
            () => _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            text => text.Contains("cartrecovery_conversions_total", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "conversion metrics");

        Assert.Contains("treatment=\"treated\"", metrics, StringComparison.Ordinal);
        Assert.Contains("treatment=\"holdout\"", metrics, StringComparison.Ordinal);
        Assert.Contains("cartrecovery_conversions_revenue_total{", metrics, StringComparison.Ordinal);
        Assert.Matches("cartrecovery_journeys_started_total\\{[^}]*journey=\"cart-abandonment\"", metrics);
        Assert.Contains("outcome=\"recovered\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_describe_every_support_and_report_endpoint_in_the_openapi_document()
    {
        var document = await _host.Http.GetFromJsonAsync<JsonObject>(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Contains("/api/reports/journeys", paths);
        Assert.Contains("/api/customers/{customerId}/journeys", paths);
        Assert.Contains("/api/journeys/{id}", paths);
        Assert.Contains("/api/carts/{cartId}", paths);
        Assert.Contains("/api/journeys/{id}/cancel", paths);
        Assert.Contains("/api/customers/{customerId}/erase", paths);
        Assert.Contains("/api/events", paths);
    }

    private async Task<JsonObject> Report(string path) =>
        (await _host.Http.GetFromJsonAsync<JsonObject>(new Uri(path, UriKind.Relative)))!;

    private static JsonNode Journey(JsonObject report, string journey) =>
        report["journeys"]!.AsArray().Single(j => j!["journey"]!.GetValue<string>() == journey)!;

    private static string CustomerIn(bool heldOut)
    {
        while (true)
        {
            var customer = $"report-{Guid.NewGuid():N}";
            if (HoldoutBucket.IsHeldOut(HoldoutBucket.For(JourneyNames.CartAbandonment, customer), 50) == heldOut)
            {
                return customer;
            }
        }
    }
}

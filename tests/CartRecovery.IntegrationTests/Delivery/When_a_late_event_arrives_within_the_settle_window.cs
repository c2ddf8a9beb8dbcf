using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Delivery;

/// <summary>Three carts go idle; each recovery email is held for the settle window. Meanwhile the shop's order for
/// one cart and a checkout for another arrive late: only the third cart's email leaves, and the report counts the
/// two the window saved.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_late_event_arrives_within_the_settle_window(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly (string Customer, Guid Cart) _untouched = ($"settle-{Guid.NewGuid():N}", Guid.NewGuid());
    private readonly (string Customer, Guid Cart) _ordered = ($"settle-{Guid.NewGuid():N}", Guid.NewGuid());
    private readonly (string Customer, Guid Cart) _checkedOut = ($"settle-{Guid.NewGuid():N}", Guid.NewGuid());
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Delivery:ContactPolicy:SettleWindow"] = "00:00:06";
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:05:00";
        });
        foreach (var (customer, cart) in new[] { _untouched, _ordered, _checkedOut })
        {
            await _host.Bus.Publish(Customers.Consenting(customer));
            await Customers.ProfileReady(_host, customer);
            await _host.Bus.Publish(CartEvents.ItemAdded(cart, customerId: customer));
        }

        await Eventually.Until(() => _host.Database.Count(
                "SELECT count(*) FROM email_decision WHERE rule = @rule", ("rule", ContactRules.SettleWindow)),
            n => n == 3, TimeSpan.FromSeconds(30), "three recovery emails held for the settle window");
        await _host.Bus.Publish(CartEvents.OrderPlaced(_ordered.Cart, _ordered.Customer));
        await _host.Bus.Publish(CartEvents.CheckoutStarted(_checkedOut.Cart));
        await Eventually.Until(() => _host.Database.Count(
                "SELECT count(*) FROM email_decision WHERE outcome IN ('sent', 'suppressed')"),
            n => n == 3, TimeSpan.FromSeconds(40), "all three emails decided after the settle window");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_send_only_the_email_no_late_event_reached()
    {
        var sink = new SmtpSink(services.Maildir);
        await sink.WaitFor($"{_untouched.Customer}@example.com", count: 1, TimeSpan.FromSeconds(20));

        Assert.Empty(sink.To($"{_ordered.Customer}@example.com"));
        Assert.Empty(sink.To($"{_checkedOut.Customer}@example.com"));
    }

    [Fact]
    public async Task Should_hold_the_sent_email_until_the_settle_window_ended()
    {
        var held = await _host.Database.Scalar<DateTime>(
            "SELECT defer_until FROM email_decision WHERE journey_id = @id AND rule = @rule", ("id", _untouched.Cart), ("rule", ContactRules.SettleWindow));
        var sentAt = await _host.Database.Scalar<DateTime>(
            "SELECT decided_at FROM email_decision WHERE journey_id = @id AND outcome = 'sent'", ("id", _untouched.Cart));

        Assert.True(sentAt >= held, $"sent at {sentAt:O}, before the settle window ended at {held:O}");
    }

    [Theory]
    [InlineData("ordered", "order")]
    [InlineData("checkedOut", "checkout")]
    public async Task Should_record_which_late_event_settled_the_email(string which, string lateEvent)
    {
        var cart = which == "ordered" ? _ordered.Cart : _checkedOut.Cart;

        var rule = await _host.Database.Scalar<string>(
            "SELECT rule FROM email_decision WHERE journey_id = @id AND outcome = 'suppressed'", ("id", cart));
        var values = await _host.Database.Scalar<string>(
            "SELECT decision_values::text FROM email_decision WHERE journey_id = @id AND outcome = 'suppressed'", ("id", cart));

        Assert.Equal(ContactRules.SettledByLateEvent, rule);
        Assert.Equal(lateEvent, JsonNode.Parse(values!)!["lateEvent"]!.GetValue<string>());
        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM send_ledger WHERE journey_id = @id", ("id", cart)));
    }

    [Fact]
    public async Task Should_count_the_saved_emails_in_the_report_and_the_metrics()
    {
        var report = (await _host.Http.GetFromJsonAsync<JsonObject>(new Uri("/api/reports/journeys", UriKind.Relative)))!;
        var cart = report["journeys"]!.AsArray().Single(j => j!["journey"]!.GetValue<string>() == JourneyNames.CartAbandonment)!;
        var recovery = Assert.Single(cart["steps"]!.AsArray())!;

        Assert.Equal(3, recovery["entered"]!.GetValue<int>());
        Assert.Equal(1, recovery["emailed"]!.GetValue<int>());
        Assert.Equal(2, recovery["settledByLateEvent"]!.GetValue<int>());

        var metrics = await Eventually.Until(
            () => _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            text => text.Contains("cartrecovery_emails_settled_total", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "settle metric");
        Assert.Matches("cartrecovery_emails_settled_total\\{[^}]*event=\"order\"", metrics);
        Assert.Matches("cartrecovery_emails_settled_total\\{[^}]*event=\"checkout\"", metrics);
    }
}

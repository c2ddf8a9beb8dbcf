using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Decisions;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys;

namespace CartRecovery.IntegrationTests.Http;

/// <summary>Quiet hours hold the recovery email back as a timer of the dispatcher's; cancelling the journey removes
/// that timer too, and so does erasing the customer, so the email never goes out.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_support_cancels_a_journey_whose_email_waits_for_morning(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly string _customerId = $"night-{Guid.NewGuid():N}";
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        // Quiet hours from an hour ago to two hours ahead in the customer's zone (Customers.Consenting: Berlin).
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:05:00";
            o.Settings["Delivery:ContactPolicy:QuietHoursStart"] = local.AddHours(-1).ToString("HH:mm", CultureInfo.InvariantCulture);
            o.Settings["Delivery:ContactPolicy:QuietHoursEnd"] = local.AddHours(2).ToString("HH:mm", CultureInfo.InvariantCulture);
        });
        await _host.Bus.Publish(Customers.Consenting(_customerId));
        await Customers.ProfileReady(_host, _customerId);
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId, customerId: _customerId));
        await Eventually.Until(
            () => _host.Database.Count("SELECT count(*) FROM email_decision WHERE journey_id = @id AND outcome = @deferred",
                ("id", _cartId), ("deferred", DecisionOutcomes.Deferred)),
            n => n == 1, TimeSpan.FromSeconds(30), "recovery email deferred to the morning");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_remove_the_deferred_email_with_the_journey()
    {
        Assert.Equal(1, await DeferredEmails());

        var response = await _host.Http.PostAsync(new Uri($"/api/journeys/{_cartId}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Eventually.Until(() => _host.Database.CartState(_cartId), s => s == "Final", TimeSpan.FromSeconds(20), "cancelled");
        Assert.Equal(0, await DeferredEmails());
        Assert.Equal(0, await _host.Database.PendingTimers());
        Assert.Empty(new SmtpSink(services.Maildir).To($"{_customerId}@example.com"));
        Assert.Equal(ContactRules.Cancelled, await LastRule(step: 1));
    }

    [Fact]
    public async Task Should_stop_an_email_the_journey_requested_while_the_cancel_was_on_its_way()
    {
        await _host.Http.PostAsync(new Uri($"/api/journeys/{_cartId}/cancel", UriKind.Relative), null);
        var dispatcher = await _host.Bus.GetSendEndpoint(JourneyEndpoints.EmailDispatcher);
        await dispatcher.Send(new SendJourneyEmail
        {
            JourneyId = _cartId,
            Journey = JourneyNames.CartAbandonment,
            Step = 2,
            StepName = "discount",
            CustomerId = _customerId,
            RequestedAt = DateTimeOffset.UtcNow,
            Products = [],
        });

        var rule = await Eventually.Until(() => LastRule(step: 2), r => r is not null, TimeSpan.FromSeconds(20), "late request decided");
        Assert.Equal(ContactRules.Cancelled, rule);
        Assert.Empty(new SmtpSink(services.Maildir).To($"{_customerId}@example.com"));
    }

    [Fact]
    public async Task Should_remove_the_deferred_email_when_the_customer_is_erased()
    {
        var response = await _host.Http.PostAsync(new Uri($"/api/customers/{_customerId}/erase", UriKind.Relative), null);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(1, report["timersRemoved"]!.GetValue<int>());
        Assert.Equal(0, await DeferredEmails());
        Assert.Equal(ContactRules.Erased, await LastRule(step: 1));
    }

    private Task<string?> LastRule(int step) =>
        _host.Database.Scalar<string>(
            "SELECT rule FROM email_decision WHERE journey_id = @id AND step = @step ORDER BY decided_at DESC, id DESC LIMIT 1",
            ("id", _cartId), ("step", step));

    /// <summary>Timers holding a SendJourneyEmail for this cart (the dispatcher's deferrals).</summary>
    private Task<long> DeferredEmails() =>
        _host.Database.Count("""
            SELECT count(*) FROM scheduled_timer WHERE message_type LIKE '%.SendJourneyEmail,%' AND body LIKE '%' || @id || '%'
            """, ("id", _cartId.ToString("D")));
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Profiles;
using CartRecovery.Dispatcher.Erasure;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CartRecovery.IntegrationTests.Http;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_customer_is_erased(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly string _customerId = $"erase-{Guid.NewGuid():N}";
    private TestHost _host = null!;

    private string Email => $"{_customerId}@example.com";

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:00:30";
        });
        await _host.Bus.Publish(Customers.Consenting(_customerId));
        await Customers.ProfileReady(_host, _customerId);
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId, customerId: _customerId));
        await new SmtpSink(services.Maildir).WaitFor(Email, count: 1, TimeSpan.FromSeconds(30));
        await Eventually.Until(() => _host.Database.CartState(_cartId), s => s == "Abandoned", TimeSpan.FromSeconds(20), "abandoned");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // The cancelled journeys' last messages (their ends) name the customer until the broker confirmed them and their
    // outbox rows were forgotten, which happens in the background.
    private Task AllMessagesDelivered() =>
        Eventually.Until(() => _host.Database.Count("SELECT count(*) FROM outbox_message"),
            n => n == 0, TimeSpan.FromSeconds(20), "the journeys' last messages delivered");

    private Task<HttpResponseMessage> Erase() =>
        _host.Http.PostAsync(new Uri($"/api/customers/{_customerId}/erase", UriKind.Relative), null);

    [Fact]
    public async Task Should_leave_no_trace_of_the_email_address_or_the_customer_id_in_any_table()
    {
        var response = await Erase();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(report["profileDeleted"]!.GetValue<bool>());
        // The cart journey and the win-back journey the cart events started.
        Assert.Equal(2, report["journeysCancelled"]!.GetValue<int>());

        await Eventually.Until(() => _host.Database.CartState(_cartId), s => s == "Final", TimeSpan.FromSeconds(20), "journey cancelled");
        await Eventually.Until(() => _host.Database.Count("SELECT count(*) FROM inactivity_state WHERE current_state <> 'Final'"),
            n => n == 0, TimeSpan.FromSeconds(20), "win-back journey cancelled");
        await AllMessagesDelivered();
        Assert.Empty(await TablesMentioning(Email));
        Assert.Empty(await TablesMentioning(_customerId));
        Assert.Equal(0, await _host.Database.PendingTimers());
    }

    [Fact]
    public async Task Should_be_idempotent()
    {
        await Erase();
        await Eventually.Until(() => _host.Database.CartState(_cartId), s => s == "Final", TimeSpan.FromSeconds(20), "journey cancelled");
        var again = (await (await Erase()).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.False(again["profileDeleted"]!.GetValue<bool>());
        Assert.Equal(0, again["journeysCancelled"]!.GetValue<int>());
        Assert.Equal(0, again["journeyRowsAnonymised"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_suppress_an_email_still_on_its_way_without_writing_the_id_back()
    {
        var requestedBefore = DateTimeOffset.UtcNow;
        await Erase();
        var dispatcher = await _host.Bus.GetSendEndpoint(JourneyEndpoints.EmailDispatcher);
        await dispatcher.Send(new SendJourneyEmail
        {
            JourneyId = Guid.NewGuid(),
            Journey = JourneyNames.BrowseAbandonment,
            Step = 1,
            StepName = "browse",
            CustomerId = _customerId,
            RequestedAt = requestedBefore,
            Products = [],
        });

        var pseudonym = _host.Services.GetRequiredService<CustomerPseudonym>().Of(_customerId);
        await Eventually.Until(
            () => _host.Database.Count("SELECT count(*) FROM email_decision WHERE customer_id = @p AND rule = @rule",
                ("p", pseudonym), ("rule", ContactRules.Erased)),
            n => n == 1, TimeSpan.FromSeconds(20), "late request suppressed under the pseudonym");
        await AllMessagesDelivered();
        Assert.Empty(await TablesMentioning(_customerId));
        Assert.Single(new SmtpSink(services.Maildir).To(Email));
    }

    [Fact]
    public async Task Should_not_count_engagement_from_before_the_erasure_on_a_profile_created_after_it()
    {
        var beforeErasure = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Erase();
        await _host.Bus.Publish(Customers.Consenting(_customerId));
        await Customers.ProfileReady(_host, _customerId);

        // One customer's events apply in order: the later open is counted only after the earlier one was handled.
        await _host.Bus.Publish(Opened(beforeErasure));
        await _host.Bus.Publish(Opened(DateTimeOffset.UtcNow));

        var score = await Eventually.Until(
            () => _host.Database.Scalar<int>("SELECT engagement_score FROM customer_profile WHERE customer_id = @id", ("id", _customerId)),
            s => s > 0, TimeSpan.FromSeconds(20), "the later open counted");
        Assert.Equal(EngagementPoints.EmailOpen, score);
    }

    private EmailOpened Opened(DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, CustomerId = _customerId, JourneyId = Guid.NewGuid(), Step = 1,
    };

    /// <summary>Scans every row of every table (and the timer store's binary job data) for the text.</summary>
    private async Task<IReadOnlyList<string>> TablesMentioning(string text)
    {
        var tables = new List<string>();
        await using var connection = new NpgsqlConnection(_host.Database.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var table in names)
        {
            await using var scan = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" t WHERE t::text LIKE '%' || @text || '%'", connection);
            scan.Parameters.AddWithValue("text", text);
            if ((long)(await scan.ExecuteScalarAsync())! > 0)
            {
                tables.Add(table);
            }
        }

        // Quartz keeps job data as bytes, which the text scan above cannot see into; no timer may live there either.
        await using var jobData = new NpgsqlCommand("SELECT count(*) FROM qrtz_triggers WHERE position(convert_to(@text, 'UTF8') in job_data) > 0", connection);
        jobData.Parameters.AddWithValue("text", text);
        if ((long)(await jobData.ExecuteScalarAsync())! > 0)
        {
            tables.Add("qrtz_triggers.job_data");
        }

        return tables;
    }
}

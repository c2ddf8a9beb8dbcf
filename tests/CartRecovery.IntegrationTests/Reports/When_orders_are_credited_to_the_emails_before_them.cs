using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Conversions;
using CartRecovery.Dispatcher.Decisions;
using CartRecovery.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CartRecovery.IntegrationTests.Reports;

/// <summary>Attribution against the real schema, with decisions written at chosen times so the window's edges are
/// exact (default window: 7 days).</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_orders_are_credited_to_the_emails_before_them(ServiceEndpoints services) : IAsyncLifetime
{
    private static readonly DateTimeOffset OrderTime = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_credit_an_email_inside_the_window_and_not_one_outside_it()
    {
        var inside = await Decision("inside", JourneyNames.CartAbandonment, DecisionOutcomes.Sent, ContactRules.Allowed, TimeSpan.FromDays(6.9));
        await Decision("outside", JourneyNames.CartAbandonment, DecisionOutcomes.Sent, ContactRules.Allowed, TimeSpan.FromDays(7.1));

        var credit = Assert.Single(await Credit(Order("inside")));
        Assert.Equal(new ConversionCredit(inside, JourneyNames.CartAbandonment, 1, Treatments.Treated), credit);
        Assert.Empty(await Credit(Order("outside")));
    }

    [Fact]
    public async Task Should_not_credit_an_email_that_came_after_the_order()
    {
        await Decision("later", JourneyNames.BrowseAbandonment, DecisionOutcomes.Sent, ContactRules.Allowed, TimeSpan.FromMinutes(-5));
        Assert.Empty(await Credit(Order("later")));
    }

    [Fact]
    public async Task Should_credit_the_last_email_and_prefer_the_orders_own_cart()
    {
        var cart = await Decision("touches", JourneyNames.CartAbandonment, DecisionOutcomes.Sent, ContactRules.Allowed, TimeSpan.FromDays(2));
        var browse = await Decision("touches", JourneyNames.BrowseAbandonment, DecisionOutcomes.Sent, ContactRules.Allowed, TimeSpan.FromHours(1));

        Assert.Equal(browse, Assert.Single(await Credit(Order("touches"))).JourneyId);
        Assert.Equal(cart, Assert.Single(await Credit(Order("touches", cartId: cart))).JourneyId);
    }

    [Fact]
    public async Task Should_credit_a_holdout_as_the_control_group_but_no_other_suppression()
    {
        await Decision("held-out", JourneyNames.CartAbandonment, DecisionOutcomes.Suppressed, ContactRules.Holdout, TimeSpan.FromHours(3));
        await Decision("capped", JourneyNames.CartAbandonment, DecisionOutcomes.Suppressed, ContactRules.FrequencyCap, TimeSpan.FromHours(3));

        Assert.Equal(Treatments.Holdout, Assert.Single(await Credit(Order("held-out"))).Treatment);
        Assert.Empty(await Credit(Order("capped")));
    }

    [Fact]
    public async Task Should_credit_a_holdout_even_when_another_journeys_email_came_later()
    {
        var heldOut = await Decision("both", JourneyNames.CartAbandonment, DecisionOutcomes.Suppressed, ContactRules.Holdout, TimeSpan.FromHours(3));
        var emailed = await Decision("both", JourneyNames.BrowseAbandonment, DecisionOutcomes.Sent, ContactRules.Allowed, TimeSpan.FromHours(1));

        var credits = await Credit(Order("both"));
        Assert.Equal(emailed, credits.Single(c => c.Treatment == Treatments.Treated).JourneyId);
        Assert.Equal(heldOut, credits.Single(c => c.Treatment == Treatments.Holdout).JourneyId);
    }

    [Fact]
    public async Task Should_credit_an_order_once_however_often_it_arrives()
    {
        await Decision("twice", JourneyNames.PostPurchase, DecisionOutcomes.Sent, ContactRules.Allowed, TimeSpan.FromDays(1));
        var order = Order("twice");

        Assert.Single(await Credit(order));
        Assert.Empty(await Credit(order));
        Assert.Equal(1, await _host.Database.Count("SELECT count(*) FROM journey_conversion WHERE order_id = @id", ("id", order.OrderId)));
    }

    private async Task<IReadOnlyList<ConversionCredit>> Credit(OrderPlaced order)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var credits = new List<ConversionCredit>();
        await scope.ServiceProvider.GetRequiredService<OrderAttribution>().CreditOrder(order, credits.Add, CancellationToken.None);
        return credits;
    }

    /// <summary>Writes a decision <paramref name="before"/> the order time and returns its journey id.</summary>
    private async Task<Guid> Decision(string customer, string journey, string outcome, string rule, TimeSpan before)
    {
        var journeyId = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(_host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO email_decision (journey_id, journey, step, customer_id, outcome, rule, reason, decision_values, decided_at)
            VALUES (@journey_id, @journey, 1, @customer_id, @outcome, @rule, 'spec', '{}', @decided_at)
            """, connection);
        command.Parameters.AddWithValue("journey_id", journeyId);
        command.Parameters.AddWithValue("journey", journey);
        command.Parameters.AddWithValue("customer_id", customer);
        command.Parameters.AddWithValue("outcome", outcome);
        command.Parameters.AddWithValue("rule", rule);
        command.Parameters.AddWithValue("decided_at", OrderTime - before);
        await command.ExecuteNonQueryAsync();
        return journeyId;
    }

    private static OrderPlaced Order(string customer, Guid? cartId = null) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = OrderTime,
        CustomerId = customer,
        OrderId = Guid.NewGuid(),
        CartId = cartId,
        Lines = [],
        Total = 30m,
        Currency = "EUR",
    };
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Experiments;

namespace CartRecovery.IntegrationTests.Reports;

/// <summary>The cart journey runs recovery after 2 s ("fast") against 3 s ("slow"). Two customers in each arm abandon
/// a cart and get the email; one "fast" customer and both "slow" ones then order. The report gives each arm's
/// journeys, conversions and revenue, and the difference with its interval and verdict.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_two_timing_variants_are_reported(ServiceEndpoints services) : IAsyncLifetime
{
    private static readonly DelayVariant[] Arms =
    [
        new() { Name = "fast", Delay = TimeSpan.FromSeconds(2) },
        new() { Name = "slow", Delay = TimeSpan.FromSeconds(3) },
    ];

    private readonly List<(string Customer, Guid Cart, decimal? Order)> _shoppers = [];
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:05:00";
            for (var i = 0; i < Arms.Length; i++)
            {
                o.Settings[$"Journeys:CartAbandonment:RecoveryDelayVariants:{i}:Name"] = Arms[i].Name;
                o.Settings[$"Journeys:CartAbandonment:RecoveryDelayVariants:{i}:Delay"] = Arms[i].Delay.ToString("c");
            }
        });
        var fast = CustomersIn("fast").Take(2).ToList();
        var slow = CustomersIn("slow").Take(2).ToList();
        _shoppers.Add((fast[0], Guid.NewGuid(), 30m));
        _shoppers.Add((fast[1], Guid.NewGuid(), null));
        _shoppers.Add((slow[0], Guid.NewGuid(), 50m));
        _shoppers.Add((slow[1], Guid.NewGuid(), 70m));

        foreach (var (customer, cart, _) in _shoppers)
        {
            await _host.Bus.Publish(Customers.Consenting(customer));
            await Customers.ProfileReady(_host, customer);
            await _host.Bus.Publish(CartEvents.ItemAdded(cart, customerId: customer));
        }

        await Eventually.Until(() => _host.Database.Count("SELECT count(*) FROM email_decision WHERE outcome = 'sent'"),
            n => n == 4, TimeSpan.FromSeconds(40), "four recovery emails sent");
        foreach (var (customer, cart, order) in _shoppers.Where(s => s.Order is not null))
        {
            await _host.Bus.Publish(CartEvents.OrderPlaced(cart, customer, order!.Value));
        }

        await Eventually.Until(() => _host.Database.Count("SELECT count(*) FROM journey_conversion"),
            n => n == 3, TimeSpan.FromSeconds(30), "three orders credited");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_record_each_customers_arm_on_the_journey_and_every_decision()
    {
        foreach (var (customer, cart, _) in _shoppers)
        {
            var arm = VariantAssignment.Pick(CartAbandonmentExperiments.RecoveryDelay, customer, Arms)!.Name;
            Assert.Equal(arm, await _host.Database.Scalar<string>(
                "SELECT variant FROM cart_abandonment_state WHERE correlation_id = @id", ("id", cart)));
            Assert.Equal(0, await _host.Database.Count(
                "SELECT count(*) FROM email_decision WHERE journey_id = @id AND (variant IS DISTINCT FROM @arm OR experiment IS DISTINCT FROM @experiment)",
                ("id", cart), ("arm", arm), ("experiment", CartAbandonmentExperiments.RecoveryDelay)));
        }
    }

    [Fact]
    public async Task Should_report_each_arms_journeys_conversions_and_revenue()
    {
        var experiment = await Experiment();
        Assert.Equal(CartAbandonmentExperiments.RecoveryDelay, experiment["experiment"]!.GetValue<string>());

        var arms = experiment["variants"]!.AsArray();
        Assert.Equal(["fast", "slow"], arms.Select(a => a!["variant"]!.GetValue<string>()));
        AssertArm(arms[0]!, entered: 2, emailed: 2, converted: 1, rate: 0.5, revenue: 30m);
        AssertArm(arms[1]!, entered: 2, emailed: 2, converted: 2, rate: 1.0, revenue: 120m);
    }

    [Fact]
    public async Task Should_give_the_difference_with_its_interval_and_verdict()
    {
        var comparison = Assert.Single((await Experiment())["comparisons"]!.AsArray())!;

        Assert.Equal("fast", comparison["baseline"]!.GetValue<string>());
        Assert.Equal("slow", comparison["variant"]!.GetValue<string>());
        Assert.Equal(0.5, comparison["difference"]!.GetValue<double>());
        Assert.True(comparison["lower"]!.GetValue<double>() < 0);
        Assert.True(comparison["upper"]!.GetValue<double>() > 0.5);
        Assert.Equal("not yet significant", comparison["verdict"]!.GetValue<string>());
    }

    private static void AssertArm(JsonNode arm, int entered, int emailed, int converted, double rate, decimal revenue)
    {
        Assert.Equal(entered, arm["entered"]!.GetValue<int>());
        Assert.Equal(emailed, arm["emailed"]!.GetValue<int>());
        Assert.Equal(converted, arm["converted"]!.GetValue<int>());
        Assert.Equal(rate, arm["conversionRate"]!.GetValue<double>());
        Assert.Equal(revenue, arm["revenue"]!["EUR"]!.GetValue<decimal>());
    }

    private async Task<JsonNode> Experiment()
    {
        var report = (await _host.Http.GetFromJsonAsync<JsonObject>(new Uri("/api/reports/journeys", UriKind.Relative)))!;
        var cart = report["journeys"]!.AsArray().Single(j => j!["journey"]!.GetValue<string>() == JourneyNames.CartAbandonment)!;
        return Assert.Single(cart["experiments"]!.AsArray())!;
    }

    private static IEnumerable<string> CustomersIn(string arm)
    {
        while (true)
        {
            var customer = $"ab-{Guid.NewGuid():N}";
            if (VariantAssignment.Pick(CartAbandonmentExperiments.RecoveryDelay, customer, Arms)?.Name == arm)
            {
                yield return customer;
            }
        }
    }
}

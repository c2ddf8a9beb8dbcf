using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Experiments;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.Experiments;

/// <summary>Recovery after 1 h against 3 h: each customer's carts wait their arm's delay, and the arm goes on the
/// journey and on every email it requests.</summary>
public sealed class When_the_cart_journey_runs_a_recovery_delay_experiment : IAsyncLifetime
{
    private static readonly DelayVariant[] Arms =
    [
        new() { Name = "1h", Delay = TimeSpan.FromHours(1) },
        new() { Name = "3h", Delay = TimeSpan.FromHours(3) },
    ];

    private JourneyHarness _h = null!;

    public async Task InitializeAsync() => _h = await JourneyHarness.Start(new Dictionary<string, string?>
    {
        ["Journeys:CartAbandonment:RecoveryDelayVariants:0:Name"] = "1h",
        ["Journeys:CartAbandonment:RecoveryDelayVariants:0:Delay"] = "01:00:00",
        ["Journeys:CartAbandonment:RecoveryDelayVariants:1:Name"] = "3h",
        ["Journeys:CartAbandonment:RecoveryDelayVariants:1:Delay"] = "03:00:00",
    });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_wait_the_delay_of_the_customers_arm()
    {
        var early = CustomerIn("1h");
        var late = CustomerIn("3h");
        var earlyCart = Guid.NewGuid();
        var lateCart = Guid.NewGuid();
        await _h.Publish(Events.ItemAdded(earlyCart, _h.Now, customerId: early));
        await _h.Publish(Events.ItemAdded(lateCart, _h.Now, customerId: late));

        await _h.Advance(TimeSpan.FromHours(1));
        await _h.CartIn(earlyCart, m => m.Abandoned);
        await _h.CartIn(lateCart, m => m.Active);

        await _h.Advance(TimeSpan.FromHours(2));
        await _h.CartIn(lateCart, m => m.Abandoned);
    }

    [Fact]
    public async Task Should_record_the_arm_on_the_journey_and_on_every_email()
    {
        var customer = CustomerIn("3h");
        var cartId = Guid.NewGuid();
        await _h.Publish(Events.ItemAdded(cartId, _h.Now, customerId: customer));
        Assert.Equal("3h", (await _h.CartIn(cartId, m => m.Active)).Variant);

        await _h.Advance(TimeSpan.FromHours(3));
        await _h.CartIn(cartId, m => m.Abandoned);
        await _h.Advance(TimeSpan.FromDays(1));
        await _h.CartIn(cartId, m => m.DiscountOffered);

        var emails = _h.Bus.Sent.Select<SendJourneyEmail>().Select(x => x.Context.Message).ToList();
        Assert.Equal([CartAbandonmentSteps.Recovery, CartAbandonmentSteps.Discount], emails.Select(e => e.Step));
        Assert.All(emails, e => Assert.Equal("3h", e.Variant));
        Assert.All(emails, e => Assert.Equal(CartAbandonmentExperiments.RecoveryDelay, e.Experiment));
    }

    [Fact]
    public async Task Should_slide_the_arms_window_with_cart_activity()
    {
        var customer = CustomerIn("1h");
        var cartId = Guid.NewGuid();
        await _h.Publish(Events.ItemAdded(cartId, _h.Now, customerId: customer));
        await _h.Advance(TimeSpan.FromMinutes(40));
        await _h.Publish(Events.ItemAdded(cartId, _h.Now, "SKU-2", customerId: customer));

        await _h.Advance(TimeSpan.FromMinutes(20));
        await _h.CartIn(cartId, m => m.Active);
        await _h.Advance(TimeSpan.FromMinutes(40));
        await _h.CartIn(cartId, m => m.Abandoned);
    }

    private static string CustomerIn(string arm)
    {
        for (var i = 0; ; i++)
        {
            var customer = $"variant-customer-{i}";
            if (VariantAssignment.Pick(CartAbandonmentExperiments.RecoveryDelay, customer, Arms)?.Name == arm)
            {
                return customer;
            }
        }
    }
}

using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

public sealed class When_the_customer_is_in_a_holdout
{
    private static ContactPolicy PolicyHoldingOut(double percent) => Policies.With(new ContactPolicyOptions
    {
        HoldoutPercent = new Dictionary<string, double> { [JourneyNames.CartAbandonment] = percent },
    });

    [Fact]
    public void Should_suppress_a_customer_whose_bucket_is_under_the_share()
    {
        // SHA-256("cart-abandonment:customer-2") puts this customer in bucket 616, inside a 10% holdout.
        var decision = PolicyHoldingOut(10).Decide(Policies.CartEmail(Moments.Noon, "customer-2"), Policies.Customer("customer-2"), Moments.Noon);
        Assert.Equal(ContactOutcomes.Suppressed, decision.Outcome);
        Assert.Equal(ContactRules.Holdout, decision.Rule);
        Assert.Equal("616", decision.Values["holdoutBucket"]);
        Assert.Equal("10", decision.Values["holdoutPercent"]);
    }

    [Fact]
    public void Should_pin_the_bucket_so_it_is_the_same_on_every_machine()
    {
        Assert.Equal(6915, HoldoutBucket.For(JourneyNames.CartAbandonment, "c-1"));
        Assert.Equal(5326, HoldoutBucket.For(JourneyNames.BrowseAbandonment, "c-1"));
    }

    [Fact]
    public void Should_give_the_same_customer_the_same_answer_every_time()
    {
        var first = PolicyHoldingOut(50).Decide(Policies.CartEmail(Moments.Noon, "customer-2"), Policies.Customer("customer-2"), Moments.Noon);
        var again = PolicyHoldingOut(50).Decide(Policies.CartEmail(Moments.Noon.AddDays(3), "customer-2"), Policies.Customer("customer-2"), Moments.Noon.AddDays(3));
        Assert.Equal(first.Rule, again.Rule);
        Assert.Equal(first.Values["holdoutBucket"], again.Values["holdoutBucket"]);
    }

    [Fact]
    public void Should_hold_out_roughly_the_configured_share_of_customers()
    {
        var policy = PolicyHoldingOut(10);
        var heldOut = Enumerable.Range(0, 10_000)
            .Select(i => $"customer-{i}")
            .Count(id => policy.Decide(Policies.CartEmail(Moments.Noon, id), Policies.Customer(id), Moments.Noon).Rule == ContactRules.Holdout);
        Assert.InRange(heldOut, 850, 1150);
    }

    [Fact]
    public void Should_hold_out_nobody_by_default()
    {
        var heldOut = Enumerable.Range(0, 1_000)
            .Select(i => $"customer-{i}")
            .Count(id => Policies.Default().Decide(Policies.CartEmail(Moments.Noon, id), Policies.Customer(id), Moments.Noon).Rule == ContactRules.Holdout);
        Assert.Equal(0, heldOut);
    }

    [Fact]
    public void Should_only_hold_out_for_the_configured_journey()
    {
        var decision = PolicyHoldingOut(50).Decide(
            Policies.Request(JourneyNames.BrowseAbandonment, Moments.Noon, "customer-2"), Policies.Customer("customer-2"), Moments.Noon);
        Assert.Equal(ContactRules.Allowed, decision.Rule);
    }
}

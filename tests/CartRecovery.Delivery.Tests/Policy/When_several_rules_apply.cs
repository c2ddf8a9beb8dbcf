using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

/// <summary>Consent, holdout, frequency, quiet hours: the first rule that objects decides.</summary>
public sealed class When_several_rules_apply
{
    private static readonly DateTimeOffset BerlinNight = Moments.Utc(2026, 3, 10, 21, 14);

    private static SentEmail[] CapReached(DateTimeOffset now) =>
    [
        Policies.Sent(JourneyNames.BrowseAbandonment, now.AddDays(-6).AddHours(-20)),
        Policies.Sent(JourneyNames.PostPurchase, now.AddDays(-3)),
        Policies.Sent(JourneyNames.Inactivity, now.AddDays(-1)),
    ];

    private static readonly ContactPolicy HalfHeldOut = Policies.With(new ContactPolicyOptions
    {
        HoldoutPercent = new Dictionary<string, double> { [JourneyNames.CartAbandonment] = 50 },
    });

    [Fact]
    public void Should_suppress_an_unsubscribed_customer_in_quiet_hours_rather_than_defer()
    {
        var decision = Policies.Default().Decide(Policies.CartEmail(BerlinNight), Policies.Customer() with { Unsubscribed = true }, BerlinNight);
        Assert.Equal((ContactOutcomes.Suppressed, ContactRules.Unsubscribed), (decision.Outcome, decision.Rule));
    }

    [Fact]
    public void Should_report_unsubscribed_before_missing_consent()
    {
        var profile = Policies.Customer() with { Unsubscribed = true, MarketingConsent = false };
        Assert.Equal(ContactRules.Unsubscribed, Policies.Default().Decide(Policies.CartEmail(Moments.Noon), profile, Moments.Noon).Rule);
    }

    [Fact]
    public void Should_check_consent_before_the_holdout()
    {
        var profile = Policies.Customer("customer-2") with { MarketingConsent = false };
        Assert.Equal(ContactRules.Consent, HalfHeldOut.Decide(Policies.CartEmail(Moments.Noon, "customer-2"), profile, Moments.Noon).Rule);
    }

    [Fact]
    public void Should_hold_out_before_counting_the_cap()
    {
        var decision = HalfHeldOut.Decide(Policies.CartEmail(Moments.Noon, "customer-2"), Policies.Customer("customer-2"), Moments.Noon, CapReached(Moments.Noon));
        Assert.Equal(ContactRules.Holdout, decision.Rule);
    }

    [Fact]
    public void Should_apply_the_cooldown_before_the_cap()
    {
        SentEmail[] sent = [.. CapReached(Moments.Noon), Policies.Sent(JourneyNames.CartAbandonment, Moments.Noon.AddHours(-30))];
        Assert.Equal(ContactRules.Cooldown, Policies.Default().Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon, sent).Rule);
    }

    [Fact]
    public void Should_apply_the_cap_before_quiet_hours()
    {
        var decision = Policies.Default().Decide(Policies.CartEmail(BerlinNight), Policies.Customer(), BerlinNight, CapReached(BerlinNight));
        Assert.Equal(ContactRules.FrequencyCap, decision.Rule);
        Assert.Equal(BerlinNight.AddHours(4), decision.DeferUntil);
    }
}

using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

public sealed class When_a_cooldown_applies
{
    private readonly ContactPolicy _policy = Policies.Default();

    [Fact]
    public void Should_defer_until_the_cooldown_of_the_last_cart_email_ends()
    {
        var lastSent = Moments.Noon.AddHours(-30);
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon,
            Policies.Sent(JourneyNames.CartAbandonment, lastSent));
        Assert.Equal(ContactOutcomes.Deferred, decision.Outcome);
        Assert.Equal(ContactRules.Cooldown, decision.Rule);
        Assert.Equal(lastSent.AddHours(48), decision.DeferUntil);
    }

    [Fact]
    public void Should_use_the_most_recent_send_of_the_journey()
    {
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon,
            Policies.Sent(JourneyNames.CartAbandonment, Moments.Noon.AddHours(-40)),
            Policies.Sent(JourneyNames.CartAbandonment, Moments.Noon.AddHours(-30)));
        Assert.Equal(Moments.Noon.AddHours(18), decision.DeferUntil);
    }

    [Fact]
    public void Should_allow_once_the_cooldown_has_passed()
    {
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon,
            Policies.Sent(JourneyNames.CartAbandonment, Moments.Noon.AddHours(-48)));
        Assert.Equal(ContactRules.Allowed, decision.Rule);
    }

    [Fact]
    public void Should_not_hold_back_the_next_step_of_the_same_journey_instance()
    {
        var journeyId = Guid.NewGuid();
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon, journeyId: journeyId, step: 2), Policies.Customer(), Moments.Noon,
            Policies.Sent(JourneyNames.CartAbandonment, Moments.Noon.AddHours(-24), journeyId));
        Assert.Equal(ContactRules.Allowed, decision.Rule);
    }

    [Fact]
    public void Should_not_apply_to_other_journeys()
    {
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon,
            Policies.Sent(JourneyNames.BrowseAbandonment, Moments.Noon.AddHours(-1)));
        Assert.Equal(ContactRules.Allowed, decision.Rule);
    }

    [Fact]
    public void Should_drop_the_email_when_the_cooldown_outlasts_the_deferral_expiry()
    {
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon,
            Policies.Sent(JourneyNames.CartAbandonment, Moments.Noon.AddHours(-10)));
        Assert.Equal(ContactOutcomes.Suppressed, decision.Outcome);
        Assert.Equal(ContactRules.Expired, decision.Rule);
        Assert.Equal(ContactRules.Cooldown, decision.Values["deferredBy"]);
        Assert.Null(decision.DeferUntil);
    }
}

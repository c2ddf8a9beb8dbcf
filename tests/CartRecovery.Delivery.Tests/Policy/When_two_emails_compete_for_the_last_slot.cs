using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

/// <summary>The claim's re-check: one slot left, and another email for the same customer contends for it.</summary>
public sealed class When_two_emails_compete_for_the_last_slot
{
    private readonly ContactPolicy _policy = Policies.With(new ContactPolicyOptions { MaxMarketingEmails = 1, Window = TimeSpan.FromHours(1) });

    [Fact]
    public void Should_defer_the_lower_priority_email_naming_the_winner()
    {
        var cart = Policies.CartEmail(Moments.Noon);
        var winBack = Policies.Request(JourneyNames.Inactivity, Moments.Noon.AddMinutes(-1));

        var heldBack = _policy.CheckSlot(winBack, [], [cart], Moments.Noon);

        Assert.NotNull(heldBack);
        Assert.Equal(ContactOutcomes.Deferred, heldBack.Outcome);
        Assert.Equal(ContactRules.FrequencyCap, heldBack.Rule);
        Assert.Equal(cart.JourneyId.ToString(), heldBack.Values["takenByJourneyId"]);
        Assert.Equal(JourneyNames.CartAbandonment, heldBack.Values["takenByJourney"]);
        Assert.Equal(Moments.Noon.AddHours(1), heldBack.DeferUntil);
    }

    [Fact]
    public void Should_let_the_higher_priority_email_take_the_slot()
    {
        var cart = Policies.CartEmail(Moments.Noon);
        var winBack = Policies.Request(JourneyNames.Inactivity, Moments.Noon.AddMinutes(-1));

        Assert.Null(_policy.CheckSlot(cart, [], [winBack], Moments.Noon));
    }

    [Fact]
    public void Should_hold_back_an_email_whose_slot_was_claimed_meanwhile()
    {
        var claimed = Policies.Sent(JourneyNames.PostPurchase, Moments.Noon.AddSeconds(-1));

        var heldBack = _policy.CheckSlot(Policies.CartEmail(Moments.Noon), [claimed], [], Moments.Noon);

        Assert.Equal(ContactRules.FrequencyCap, heldBack?.Rule);
        Assert.Equal(claimed.JourneyId.ToString(), heldBack?.Values["takenByJourneyId"]);
    }

    [Fact]
    public void Should_apply_the_cooldown_to_a_contending_instance_of_the_same_journey()
    {
        var policy = Policies.With(new ContactPolicyOptions
        {
            Cooldowns = new Dictionary<string, TimeSpan> { [JourneyNames.CartAbandonment] = TimeSpan.FromHours(1) },
        });
        var earlierCart = Policies.CartEmail(Moments.Noon.AddMinutes(-5));

        var heldBack = policy.CheckSlot(Policies.CartEmail(Moments.Noon), [], [earlierCart], Moments.Noon);

        Assert.Equal(ContactRules.Cooldown, heldBack?.Rule);
        Assert.Equal(earlierCart.JourneyId.ToString(), heldBack?.Values["takenByJourneyId"]);
    }

    [Fact]
    public void Should_contend_only_for_the_last_free_slot()
    {
        var policy = Policies.With(new ContactPolicyOptions { MaxMarketingEmails = 2 });

        Assert.False(policy.TakesLastSlot([], Moments.Noon));
        Assert.True(policy.TakesLastSlot([Policies.Sent(JourneyNames.Inactivity, Moments.Noon.AddHours(-1))], Moments.Noon));
    }
}

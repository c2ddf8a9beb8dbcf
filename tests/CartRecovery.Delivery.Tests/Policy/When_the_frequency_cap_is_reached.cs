using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

public sealed class When_the_frequency_cap_is_reached
{
    private readonly ContactPolicy _policy = Policies.Default();

    private static SentEmail[] ThreeThisWeek() =>
    [
        Policies.Sent(JourneyNames.BrowseAbandonment, Moments.Noon.AddDays(-7).AddHours(12)),
        Policies.Sent(JourneyNames.PostPurchase, Moments.Noon.AddDays(-3)),
        Policies.Sent(JourneyNames.Inactivity, Moments.Noon.AddDays(-1)),
    ];

    [Fact]
    public void Should_defer_until_the_oldest_counted_send_leaves_the_window()
    {
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon, ThreeThisWeek());
        Assert.Equal(ContactOutcomes.Deferred, decision.Outcome);
        Assert.Equal(ContactRules.FrequencyCap, decision.Rule);
        Assert.Equal(Moments.Noon.AddHours(12), decision.DeferUntil);
    }

    [Fact]
    public void Should_record_the_count_and_the_cap()
    {
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon, ThreeThisWeek());
        Assert.Equal("3", decision.Values["sentInWindow"]);
        Assert.Equal("3", decision.Values["cap"]);
    }

    [Fact]
    public void Should_allow_while_under_the_cap()
    {
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon, ThreeThisWeek()[1..]);
        Assert.Equal(ContactRules.Allowed, decision.Rule);
    }

    [Fact]
    public void Should_not_count_transactional_emails_or_sends_outside_the_window()
    {
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon,
            Policies.Sent(JourneyNames.PostPurchase, Moments.Noon.AddHours(-1), isMarketing: false),
            Policies.Sent(JourneyNames.Inactivity, Moments.Noon.AddDays(-7)),
            Policies.Sent(JourneyNames.BrowseAbandonment, Moments.Noon.AddDays(-2)),
            Policies.Sent(JourneyNames.Inactivity, Moments.Noon.AddDays(-1)));
        Assert.Equal(ContactRules.Allowed, decision.Rule);
        Assert.Equal("2", decision.Values["sentInWindow"]);
    }

    [Fact]
    public void Should_wait_for_enough_sends_to_leave_when_over_the_cap()
    {
        SentEmail[] four = [Policies.Sent(JourneyNames.Inactivity, Moments.Noon.AddDays(-6).AddHours(-23)), .. ThreeThisWeek()];
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon, four);
        Assert.Equal(Moments.Noon.AddHours(12), decision.DeferUntil);
    }

    [Fact]
    public void Should_drop_the_email_when_the_slot_frees_after_the_deferral_expiry()
    {
        SentEmail[] recent =
        [
            Policies.Sent(JourneyNames.BrowseAbandonment, Moments.Noon.AddDays(-5)),
            Policies.Sent(JourneyNames.PostPurchase, Moments.Noon.AddDays(-3)),
            Policies.Sent(JourneyNames.Inactivity, Moments.Noon.AddDays(-1)),
        ];
        var decision = _policy.Decide(Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon, recent);
        Assert.Equal(ContactOutcomes.Suppressed, decision.Outcome);
        Assert.Equal(ContactRules.Expired, decision.Rule);
        Assert.Equal(ContactRules.FrequencyCap, decision.Values["deferredBy"]);
    }
}

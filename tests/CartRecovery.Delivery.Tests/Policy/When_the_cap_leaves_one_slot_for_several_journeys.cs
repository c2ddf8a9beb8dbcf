using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

/// <summary>Two of three slots are taken; emails of several journeys fall due together for the last one. The seeded
/// priorities decide: cart and post-purchase high, browse medium, win-back low; configured ones replace them.</summary>
public sealed class When_the_cap_leaves_one_slot_for_several_journeys
{
    private static readonly SentEmail[] TwoTaken =
    [
        // The older one leaves the 7-day window within the hour, so the loser is deferred rather than dropped.
        Policies.Sent(JourneyNames.PostPurchase, Moments.Noon.AddDays(-7).AddHours(1)),
        Policies.Sent(JourneyNames.BrowseAbandonment, Moments.Noon.AddDays(-1)),
    ];

    private readonly ContactPolicy _seeded = Policies.Default();

    [Fact]
    public void Should_seed_cart_and_post_purchase_high_browse_medium_and_win_back_low()
    {
        var priorities = new ContactPolicyOptions().Priorities;

        Assert.Equal(priorities[JourneyNames.CartAbandonment], priorities[JourneyNames.PostPurchase]);
        Assert.True(priorities[JourneyNames.PostPurchase] > priorities[JourneyNames.BrowseAbandonment]);
        Assert.True(priorities[JourneyNames.BrowseAbandonment] > priorities[JourneyNames.Inactivity]);
    }

    [Theory]
    [InlineData(JourneyNames.PostPurchase, JourneyNames.BrowseAbandonment)]
    [InlineData(JourneyNames.PostPurchase, JourneyNames.Inactivity)]
    [InlineData(JourneyNames.BrowseAbandonment, JourneyNames.Inactivity)]
    [InlineData(JourneyNames.CartAbandonment, JourneyNames.Inactivity)]
    public void Should_give_the_slot_to_the_higher_priority_journey(string higher, string lower)
    {
        // The lower-priority email was requested first: priority, not arrival, decides.
        var first = Policies.Request(lower, Moments.Noon.AddMinutes(-3));
        var second = Policies.Request(higher, Moments.Noon.AddMinutes(-1));

        Assert.Null(_seeded.CheckSlot(second, TwoTaken, [first], Moments.Noon));
        var heldBack = _seeded.CheckSlot(first, TwoTaken, [second], Moments.Noon);

        Assert.Equal(ContactRules.FrequencyCap, heldBack?.Rule);
        Assert.Equal(higher, heldBack?.Values["takenByJourney"]);
    }

    [Fact]
    public void Should_let_configured_priorities_replace_the_seeded_ones()
    {
        var policy = Policies.With(new ContactPolicyOptions
        {
            Priorities = new Dictionary<string, int> { [JourneyNames.Inactivity] = 9, [JourneyNames.PostPurchase] = 1 },
        });
        var crossSell = Policies.Request(JourneyNames.PostPurchase, Moments.Noon.AddMinutes(-3));
        var winBack = Policies.Request(JourneyNames.Inactivity, Moments.Noon.AddMinutes(-1));

        Assert.Null(policy.CheckSlot(winBack, TwoTaken, [crossSell], Moments.Noon));
        Assert.Equal(ContactRules.FrequencyCap, policy.CheckSlot(crossSell, TwoTaken, [winBack], Moments.Noon)?.Rule);
    }
}

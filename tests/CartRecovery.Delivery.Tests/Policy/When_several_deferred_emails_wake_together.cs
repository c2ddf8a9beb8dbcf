using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

public sealed class When_several_deferred_emails_wake_together
{
    private readonly ContactPolicy _policy = Policies.Default();

    [Fact]
    public void Should_rank_the_higher_priority_journey_first()
    {
        var inactivity = Policies.Request(JourneyNames.Inactivity, Moments.Noon.AddHours(-5));
        var browse = Policies.Request(JourneyNames.BrowseAbandonment, Moments.Noon.AddHours(-4));
        var cart = Policies.Request(JourneyNames.CartAbandonment, Moments.Noon);
        Assert.Equal([cart, browse, inactivity], _policy.Rank([inactivity, browse, cart]));
    }

    [Fact]
    public void Should_rank_the_older_request_first_among_equal_priorities()
    {
        var cart = Policies.Request(JourneyNames.CartAbandonment, Moments.Noon);
        var postPurchase = Policies.Request(JourneyNames.PostPurchase, Moments.Noon.AddMinutes(-1));
        Assert.Equal([postPurchase, cart], _policy.Rank([cart, postPurchase]));
    }

    [Fact]
    public void Should_rank_unknown_journeys_last()
    {
        var unknown = Policies.Request("newsletter", Moments.Noon.AddDays(-1));
        var inactivity = Policies.Request(JourneyNames.Inactivity, Moments.Noon);
        Assert.Equal([inactivity, unknown], _policy.Rank([unknown, inactivity]));
    }
}

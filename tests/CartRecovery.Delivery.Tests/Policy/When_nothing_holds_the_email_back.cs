using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

public sealed class When_nothing_holds_the_email_back
{
    private readonly ContactDecision _decision = Policies.Default().Decide(
        Policies.CartEmail(Moments.Noon), Policies.Customer(), Moments.Noon,
        Policies.Sent(JourneyNames.Inactivity, Moments.Noon.AddDays(-2)));

    [Fact]
    public void Should_send_with_the_allowed_rule() => Assert.Equal((ContactOutcomes.Send, ContactRules.Allowed), (_decision.Outcome, _decision.Rule));

    [Fact]
    public void Should_not_defer() => Assert.Null(_decision.DeferUntil);

    [Fact]
    public void Should_record_the_numbers_it_checked()
    {
        Assert.Equal("1", _decision.Values["sentInWindow"]);
        Assert.Equal("3", _decision.Values["cap"]);
        Assert.Equal("13:00", _decision.Values["localTime"]);
        Assert.Equal("Europe/Berlin", _decision.Values["timeZone"]);
        Assert.Equal("6915", _decision.Values["holdoutBucket"]);
    }
}

using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

public sealed class When_a_deferred_email_wakes_late
{
    [Fact]
    public void Should_drop_it_once_the_deferral_expiry_since_the_request_has_passed()
    {
        var decision = Policies.Default().Decide(Policies.CartEmail(Moments.Noon.AddHours(-25)), Policies.Customer(), Moments.Noon);
        Assert.Equal(ContactOutcomes.Suppressed, decision.Outcome);
        Assert.Equal(ContactRules.Expired, decision.Rule);
    }

    [Fact]
    public void Should_still_send_it_just_inside_the_expiry()
    {
        var decision = Policies.Default().Decide(Policies.CartEmail(Moments.Noon.AddHours(-24)), Policies.Customer(), Moments.Noon);
        Assert.Equal(ContactRules.Allowed, decision.Rule);
    }
}

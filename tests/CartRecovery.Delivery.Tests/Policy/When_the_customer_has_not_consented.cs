using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

public sealed class When_the_customer_has_not_consented
{
    private readonly ContactPolicy _policy = Policies.Default();
    private readonly ContactRequest _request = Policies.CartEmail(Moments.Noon);

    [Fact]
    public void Should_suppress_marketing_without_consent()
    {
        var decision = _policy.Decide(_request, Policies.Customer() with { MarketingConsent = false }, Moments.Noon);
        Assert.Equal(ContactOutcomes.Suppressed, decision.Outcome);
        Assert.Equal(ContactRules.Consent, decision.Rule);
        Assert.Equal("false", decision.Values["marketingConsent"]);
    }

    [Fact]
    public void Should_suppress_an_unsubscribed_customer_with_the_unsubscribed_rule()
    {
        var decision = _policy.Decide(_request, Policies.Customer() with { Unsubscribed = true }, Moments.Noon);
        Assert.Equal(ContactOutcomes.Suppressed, decision.Outcome);
        Assert.Equal(ContactRules.Unsubscribed, decision.Rule);
    }

    [Fact]
    public void Should_suppress_when_no_profile_is_known()
    {
        var decision = _policy.Decide(_request, null, Moments.Noon);
        Assert.Equal(ContactRules.Consent, decision.Rule);
        Assert.Equal("false", decision.Values["profileKnown"]);
    }

    [Fact]
    public void Should_suppress_when_the_profile_has_no_email()
    {
        var decision = _policy.Decide(_request, Policies.Customer() with { Email = " " }, Moments.Noon);
        Assert.Equal(ContactOutcomes.Suppressed, decision.Outcome);
        Assert.Equal(ContactRules.Consent, decision.Rule);
    }

    [Fact]
    public void Should_still_send_a_transactional_email_to_an_unsubscribed_customer()
    {
        var request = _request with { IsMarketing = false };
        var decision = _policy.Decide(request, Policies.Customer() with { Unsubscribed = true, MarketingConsent = false }, Moments.Noon);
        Assert.Equal(ContactOutcomes.Send, decision.Outcome);
        Assert.Equal(ContactRules.Allowed, decision.Rule);
    }

    [Fact]
    public void Should_never_put_the_email_address_in_the_reason_or_values()
    {
        var decision = _policy.Decide(_request, Policies.Customer() with { MarketingConsent = false }, Moments.Noon);
        Assert.DoesNotContain(Policies.Email, decision.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(decision.Values.Values, v => v.Contains(Policies.Email, StringComparison.OrdinalIgnoreCase));
    }
}

using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Links;

public sealed class When_an_old_email_is_unsubscribed_from
{
    private static readonly Guid JourneyId = Guid.Parse("3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99");

    [Fact]
    public void Should_accept_an_unsubscribe_link_older_than_the_tracking_lifetime_but_under_two_years()
    {
        var signer = LinkSigners.From(("Secret", LinkSigners.FirstSecret));
        var link = signer.UnsubscribeUrl(JourneyId, 1, "c-1", Moments.Noon).Segments[^1];

        Assert.True(signer.TryVerify(link, Moments.Noon.AddDays(400), out var token));
        Assert.Equal(TrackingTokenKinds.Unsubscribe, token.Kind);
        Assert.True(signer.TryVerify(link, Moments.Noon.AddDays(730), out _));
    }

    [Fact]
    public void Should_still_expire_tracking_links_after_the_tracking_lifetime()
    {
        var signer = LinkSigners.From(("Secret", LinkSigners.FirstSecret));
        var open = signer.OpenPixelUrl(JourneyId, 1, "c-1", Moments.Noon).Segments[^1];

        Assert.False(signer.TryVerify(open, Moments.Noon.AddDays(91), out _));
    }
}

using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Tests.Support;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Tests.Links;

public sealed class When_signing_tracking_links
{
    private static readonly Guid JourneyId = Guid.Parse("6f1c2a4e-8d0b-4c8e-9a51-2b7f3e1d9c40");
    private static readonly Uri Shop = new("https://shop.example.com/products/trail-shoes?utm_source=email&x=1");

    private static LinkSigner Signer(string secret = "a-secret-that-is-at-least-32-characters-long") => new(Options.Create(
        new LinkSigningOptions { Secret = secret, BaseUrl = new Uri("https://mail.example.com/"), TokenLifetime = TimeSpan.FromDays(90) }));

    private static TrackingToken Click() =>
        new(TrackingTokenKinds.Click, JourneyId, 2, "c-1", Shop, Moments.Noon);

    [Fact]
    public void Should_round_trip_a_click_token()
    {
        var signer = Signer();
        Assert.True(signer.TryVerify(signer.Sign(Click()), Moments.Noon.AddDays(1), out var token));
        Assert.Equal(Click(), token);
    }

    [Fact]
    public void Should_be_compact_payload_dot_signature_and_url_safe()
    {
        var signed = Signer().Sign(Click());
        Assert.Equal(2, signed.Split('.').Length);
        Assert.DoesNotContain(signed, c => c is '+' or '/' or '=');
    }

    [Fact]
    public void Should_reject_a_tampered_payload()
    {
        var signer = Signer();
        var signed = signer.Sign(Click());
        var middle = signed.Length / 2;
        var forged = signed[..middle] + (signed[middle] == 'A' ? 'B' : 'A') + signed[(middle + 1)..];
        Assert.False(signer.TryVerify(forged, Moments.Noon, out var token));
        Assert.Null(token);
    }

    [Fact]
    public void Should_reject_a_tampered_signature()
    {
        var signed = Signer().Sign(Click());
        var flipped = signed[..^2] + (signed[^2] == 'A' ? 'B' : 'A') + signed[^1];
        Assert.False(Signer().TryVerify(flipped, Moments.Noon, out _));
    }

    [Fact]
    public void Should_reject_a_token_signed_with_another_secret()
    {
        var signed = Signer("another-secret-that-is-at-least-32-characters").Sign(Click());
        Assert.False(Signer().TryVerify(signed, Moments.Noon, out _));
    }

    [Fact]
    public void Should_reject_an_expired_token()
    {
        var signer = Signer();
        var signed = signer.Sign(Click());
        Assert.True(signer.TryVerify(signed, Moments.Noon.AddDays(90), out _));
        Assert.False(signer.TryVerify(signed, Moments.Noon.AddDays(90).AddSeconds(1), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData(".")]
    [InlineData("!!!.???")]
    public void Should_reject_malformed_tokens(string value) => Assert.False(Signer().TryVerify(value, Moments.Noon, out _));

    [Fact]
    public void Should_build_the_open_click_and_unsubscribe_links()
    {
        var signer = Signer();
        var open = signer.OpenPixelUrl(JourneyId, 1, "c-1", Moments.Noon);
        var click = signer.ClickUrl(JourneyId, 1, "c-1", Shop, Moments.Noon);
        var unsubscribe = signer.UnsubscribeUrl(JourneyId, 1, "c-1", Moments.Noon);
        Assert.StartsWith("https://mail.example.com/t/o/", open.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("https://mail.example.com/t/c/", click.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("https://mail.example.com/u/", unsubscribe.AbsoluteUri, StringComparison.Ordinal);
        Assert.True(signer.TryVerify(unsubscribe.Segments[^1], Moments.Noon, out var token));
        Assert.Equal(TrackingTokenKinds.Unsubscribe, token.Kind);
        Assert.Null(token.Target);
    }

    [Fact]
    public void Should_refuse_a_click_target_that_is_not_a_web_address()
    {
        Assert.Throws<ArgumentException>(() => Signer().ClickUrl(JourneyId, 1, "c-1", new Uri("javascript:alert(1)"), Moments.Noon));
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Links;

/// <summary>Links already in inboxes were signed as <c>base64url(json).base64url(HMAC-SHA256(secret))</c>.</summary>
public sealed class When_a_link_from_before_key_ids_is_followed
{
    private static string LegacyToken(string secret, string json)
    {
        var body = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return $"{body}.{Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(body)))}";
    }

    private static readonly string Unsubscribe =
        $$"""{"k":"unsubscribe","j":"3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99","s":1,"c":"c-1","t":null,"i":{{Moments.Noon.ToUnixTimeSeconds()}}}""";

    [Fact]
    public void Should_still_verify_it_with_the_plain_secret()
    {
        var signer = LinkSigners.From(("Secret", LinkSigners.FirstSecret), ("Keys:2026", LinkSigners.SecondSecret), ("CurrentKeyId", "2026"));

        Assert.True(signer.TryVerify(LegacyToken(LinkSigners.FirstSecret, Unsubscribe), Moments.Noon.AddDays(1), out var token));
        Assert.Equal(TrackingTokenKinds.Unsubscribe, token.Kind);
        Assert.Equal("c-1", token.CustomerId);
    }

    [Fact]
    public void Should_refuse_it_once_the_plain_secret_is_gone()
    {
        var signer = LinkSigners.From(("Keys:2026", LinkSigners.SecondSecret), ("CurrentKeyId", "2026"));

        Assert.False(signer.TryVerify(LegacyToken(LinkSigners.FirstSecret, Unsubscribe), Moments.Noon, out _));
    }
}

using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Links;

public sealed class When_the_link_key_is_rotated
{
    private static readonly Guid JourneyId = Guid.Parse("0d9b7c52-2f4a-4e61-8b3e-5a1f6c7d8e90");

    [Fact]
    public void Should_still_verify_a_link_signed_with_the_old_key()
    {
        var before = LinkSigners.From(("Keys:2025", LinkSigners.FirstSecret), ("CurrentKeyId", "2025"));
        var after = LinkSigners.From(
            ("Keys:2025", LinkSigners.FirstSecret), ("Keys:2026", LinkSigners.SecondSecret), ("CurrentKeyId", "2026"));
        var sentBefore = before.UnsubscribeUrl(JourneyId, 1, "c-1", Moments.Noon).Segments[^1];

        Assert.True(after.TryVerify(sentBefore, Moments.Noon.AddDays(1), out var token));
        Assert.Equal("c-1", token.CustomerId);
    }

    [Fact]
    public void Should_sign_new_links_with_the_current_key_only()
    {
        var after = LinkSigners.From(
            ("Keys:2025", LinkSigners.FirstSecret), ("Keys:2026", LinkSigners.SecondSecret), ("CurrentKeyId", "2026"));
        var onlyNewKey = LinkSigners.From(("Keys:2026", LinkSigners.SecondSecret), ("CurrentKeyId", "2026"));
        var sentAfter = after.UnsubscribeUrl(JourneyId, 1, "c-1", Moments.Noon).Segments[^1];

        Assert.True(onlyNewKey.TryVerify(sentAfter, Moments.Noon, out _));
    }

    [Fact]
    public void Should_refuse_a_link_whose_key_id_is_unknown_even_with_a_known_secret()
    {
        var stranger = LinkSigners.From(("Keys:9999", LinkSigners.FirstSecret), ("CurrentKeyId", "9999"));
        var ours = LinkSigners.From(("Keys:2025", LinkSigners.FirstSecret), ("CurrentKeyId", "2025"));
        var forged = stranger.UnsubscribeUrl(JourneyId, 1, "c-1", Moments.Noon).Segments[^1];

        Assert.False(ours.TryVerify(forged, Moments.Noon, out _));
    }

    [Fact]
    public void Should_keep_the_plain_secret_working_as_a_key()
    {
        var legacy = LinkSigners.From(("Secret", LinkSigners.FirstSecret));
        var rotated = LinkSigners.From(("Secret", LinkSigners.FirstSecret), ("Keys:2026", LinkSigners.SecondSecret), ("CurrentKeyId", "2026"));
        var sentBefore = legacy.UnsubscribeUrl(JourneyId, 1, "c-1", Moments.Noon).Segments[^1];

        Assert.True(rotated.TryVerify(sentBefore, Moments.Noon, out _));
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Links;

/// <summary>Seals tracking tokens as <c>keyId "." base64url(AES-GCM(json))</c> and builds the links that carry them.
/// Tokens are tamper-evident and opaque: whoever reads a link learns neither the customer id nor the target.</summary>
public sealed class LinkSigner
{
    private const int MaxTokenLength = 4096;
    private readonly LinkKeyRing _keys;
    private readonly string _legacySecret;
    private readonly string _baseUrl;
    private readonly TimeSpan _trackingLifetime;
    private readonly TimeSpan _unsubscribeLifetime;
    private readonly HashSet<string> _redirectHosts;

    public LinkSigner(IOptions<LinkSigningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        if (value.BaseUrl is null)
        {
            throw new ArgumentException($"{nameof(LinkSigningOptions.BaseUrl)} is required.", nameof(options));
        }

        _keys = new LinkKeyRing(value);
        _legacySecret = value.Secret;
        _baseUrl = value.BaseUrl.AbsoluteUri.TrimEnd('/');
        _trackingLifetime = value.TokenLifetime;
        _unsubscribeLifetime = value.UnsubscribeTokenLifetime;
        ShopUrl = value.ShopUrl ?? value.BaseUrl;
        _redirectHosts = new HashSet<string>(
            value.AllowedRedirectHosts.Count > 0 ? value.AllowedRedirectHosts : [ShopUrl.IdnHost], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Where a product without its own page links to, and where a click to a foreign host lands.</summary>
    public Uri ShopUrl { get; }

    public string Sign(TrackingToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var payload = new TrackingTokenPayload(
            token.Kind, token.JourneyId, token.Step, token.CustomerId, token.Target?.AbsoluteUri,
            token.IssuedAt.ToUnixTimeSeconds());
        var sealedBytes = SealedPayload.Seal(_keys.Current, Encoding.ASCII.GetBytes(_keys.CurrentId), JsonSerializer.SerializeToUtf8Bytes(payload));
        return $"{_keys.CurrentId}.{TokenText.Encode(sealedBytes)}";
    }

    /// <summary>False for anything malformed, tampered with, of an unknown kind or key, or older than its lifetime.</summary>
    public bool TryVerify(string value, DateTimeOffset now, [NotNullWhen(true)] out TrackingToken? token)
    {
        var check = Check(value, now);
        token = check.Status == LinkStatus.Valid ? check.Token : null;
        return token is not null;
    }

    /// <summary>Whether a link is genuine and still within its kind's lifetime.</summary>
    public LinkCheck Check(string value, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxTokenLength)
        {
            return LinkCheck.Invalid;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != value.LastIndexOf('.'))
        {
            return LinkCheck.Invalid;
        }

        var json = OpenPayload(value[..dot], value[(dot + 1)..]);
        if (json is null || TryRead(json) is not { } token)
        {
            return LinkCheck.Invalid;
        }

        var lifetime = token.Kind == TrackingTokenKinds.Unsubscribe ? _unsubscribeLifetime : _trackingLifetime;
        return new LinkCheck(now - token.IssuedAt > lifetime ? LinkStatus.Expired : LinkStatus.Valid, token);
    }

    /// <summary>The signed target when its host is one of the shop's, else the shop home: a producer's bad product
    /// URL must not make our links an open redirect.</summary>
    public Uri RedirectTargetFor(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return IsWebAddress(target) && _redirectHosts.Contains(target.IdnHost) ? target : ShopUrl;
    }

    public Uri OpenPixelUrl(Guid journeyId, int step, string customerId, DateTimeOffset issuedAt) =>
        Link("t/o", new TrackingToken(TrackingTokenKinds.Open, journeyId, step, customerId, null, issuedAt));

    public Uri ClickUrl(Guid journeyId, int step, string customerId, Uri target, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!IsWebAddress(target))
        {
            throw new ArgumentException("A click target must be an absolute http or https address.", nameof(target));
        }

        return Link("t/c", new TrackingToken(TrackingTokenKinds.Click, journeyId, step, customerId, target, issuedAt));
    }

    public Uri UnsubscribeUrl(Guid journeyId, int step, string customerId, DateTimeOffset issuedAt) =>
        Link("u", new TrackingToken(TrackingTokenKinds.Unsubscribe, journeyId, step, customerId, null, issuedAt));

    /// <summary>A key id we hold opens a sealed body; anything else can only be a link from before key ids.</summary>
    private byte[]? OpenPayload(string head, string tail)
    {
        if (!_keys.TryGet(head, out var key))
        {
            return LegacySignedToken.TryReadPayload(_legacySecret, head, tail);
        }

        return TokenText.TryDecode(tail, out var sealedBytes)
            ? SealedPayload.TryOpen(key, Encoding.ASCII.GetBytes(head), sealedBytes)
            : null;
    }

    private Uri Link(string path, TrackingToken token) => new($"{_baseUrl}/{path}/{Sign(token)}");

    private static TrackingToken? TryRead(byte[] json)
    {
        TrackingTokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TrackingTokenPayload>(json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (payload is null || !TrackingTokenKinds.IsKnown(payload.Kind) || string.IsNullOrEmpty(payload.CustomerId))
        {
            return null;
        }

        Uri? target = null;
        if (payload.Kind == TrackingTokenKinds.Click
            && (!Uri.TryCreate(payload.Target, UriKind.Absolute, out target) || !IsWebAddress(target)))
        {
            return null;
        }

        return new TrackingToken(payload.Kind, payload.JourneyId, payload.Step, payload.CustomerId, target,
            DateTimeOffset.FromUnixTimeSeconds(payload.IssuedAtUnixSeconds));
    }

    private static bool IsWebAddress(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

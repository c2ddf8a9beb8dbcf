using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Links;

/// <summary>Signs tracking tokens as <c>base64url(json) "." base64url(HMAC-SHA256)</c> and builds the links that
/// carry them. Tokens are tamper-evident, not secret: they never hold an email address.</summary>
public sealed class LinkSigner
{
    private const int MaxTokenLength = 4096;
    private readonly byte[] _key;
    private readonly string _baseUrl;
    private readonly TimeSpan _lifetime;

    public LinkSigner(IOptions<LinkSigningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        if (value.BaseUrl is null)
        {
            throw new ArgumentException($"{nameof(LinkSigningOptions.BaseUrl)} is required.", nameof(options));
        }

        _key = Encoding.UTF8.GetBytes(value.Secret);
        _baseUrl = value.BaseUrl.AbsoluteUri.TrimEnd('/');
        _lifetime = value.TokenLifetime;
        ShopUrl = value.ShopUrl ?? value.BaseUrl;
    }

    /// <summary>Where a product without its own page links to.</summary>
    public Uri ShopUrl { get; }

    public string Sign(TrackingToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var payload = new TrackingTokenPayload(
            token.Kind, token.JourneyId, token.Step, token.CustomerId, token.Target?.AbsoluteUri,
            token.IssuedAt.ToUnixTimeSeconds());
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return $"{body}.{Base64Url.EncodeToString(Mac(body))}";
    }

    /// <summary>False for anything malformed, tampered with, of an unknown kind, or older than the token lifetime.</summary>
    public bool TryVerify(string value, DateTimeOffset now, [NotNullWhen(true)] out TrackingToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxTokenLength)
        {
            return false;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != value.LastIndexOf('.'))
        {
            return false;
        }

        var body = value[..dot];
        if (!TryDecode(value[(dot + 1)..], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Mac(body))
            || !TryDecode(body, out var json))
        {
            return false;
        }

        var parsed = TryRead(json);
        if (parsed is null || now - parsed.IssuedAt > _lifetime)
        {
            return false;
        }

        token = parsed;
        return true;
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

    private Uri Link(string path, TrackingToken token) => new($"{_baseUrl}/{path}/{Sign(token)}");

    private byte[] Mac(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));

    private static bool TryDecode(string text, out byte[] bytes)
    {
        // TryDecodeFromChars throws on characters outside the alphabet; a forged link must only ever be refused.
        if (!Base64Url.IsValid(text, out var length))
        {
            bytes = [];
            return false;
        }

        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(text, bytes, out _);
    }

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

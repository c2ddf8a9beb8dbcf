using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Delivery.Links;

/// <summary>Links sent before key ids: <c>base64url(json) "." base64url(HMAC-SHA256)</c> under
/// <see cref="LinkSigningOptions.Secret"/>. Only read, never written, so those already in inboxes keep working.</summary>
internal static class LegacySignedToken
{
    public static byte[]? TryReadPayload(string secret, string body, string signature)
    {
        if (string.IsNullOrEmpty(secret) || !TokenText.TryDecode(signature, out var mac))
        {
            return null;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(body));
        return CryptographicOperations.FixedTimeEquals(mac, expected) && TokenText.TryDecode(body, out var json) ? json : null;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Delivery.Links;

/// <summary>The configured link keys, each turned into an AES-256 key by HKDF so that the configured secret itself
/// never encrypts anything, and the key new links use.</summary>
internal sealed class LinkKeyRing
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("cartrecovery/link-token/v2");
    private readonly Dictionary<string, byte[]> _keys;

    public LinkKeyRing(LinkSigningOptions options)
    {
        _keys = options.AllKeys().ToDictionary(
            k => k.Key,
            k => HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(k.Value), 32, salt: [], info: Purpose),
            StringComparer.Ordinal);
        CurrentId = options.EffectiveCurrentKeyId;
        if (!_keys.ContainsKey(CurrentId))
        {
            throw new ArgumentException($"The current link key '{CurrentId}' is not configured.", nameof(options));
        }
    }

    public string CurrentId { get; }

    public byte[] Current => _keys[CurrentId];

    public bool TryGet(string id, [NotNullWhen(true)] out byte[]? key) => _keys.TryGetValue(id, out key);
}

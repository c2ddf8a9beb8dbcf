using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher.Erasure;

/// <summary>What an erased customer's id becomes everywhere it stays: stable, so counts per pseudonymous customer
/// still add up. Keyed (HMAC-SHA256 with <c>Privacy:PseudonymSecret</c>), so whoever can guess customer ids still
/// cannot tell which pseudonym is whose without the secret.</summary>
public sealed class CustomerPseudonym(IOptions<PrivacyOptions> options)
{
    private const string Prefix = "erased-";
    private const int HexLength = 32;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.PseudonymSecret);

    public string Of(string customerId) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(customerId)))[..HexLength];
}

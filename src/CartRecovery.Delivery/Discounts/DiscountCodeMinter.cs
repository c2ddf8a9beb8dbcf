using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Discounts;

/// <summary>Mints one code per (journey instance, step), e.g. "CR-7K3Q9-MX2PD". Deriving it from an HMAC instead
/// of a random number makes a retried or redelivered send produce the same code, so no second code leaks out.</summary>
public sealed partial class DiscountCodeMinter(IOptions<DiscountCodeOptions> options)
{
    private const int CodeLength = 10;
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.Secret);

    public string Mint(Guid journeyId, int step)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(FormattableString.Invariant($"{journeyId:N}:{step}")));
        var code = CrockfordBase32.Encode(BinaryPrimitives.ReadUInt64BigEndian(mac), CodeLength);
        return $"CR-{code[..5]}-{code[5..]}";
    }

    public static bool IsWellFormed(string code) => code is not null && CodeFormat().IsMatch(code);

    [GeneratedRegex("^CR-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$")]
    private static partial Regex CodeFormat();
}

namespace CartRecovery.Delivery.Discounts;

/// <summary>Crockford's alphabet leaves out I, L, O and U, so codes survive being read aloud or retyped.</summary>
internal static class CrockfordBase32
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The top <paramref name="length"/> × 5 bits of <paramref name="bits"/> as characters.</summary>
    public static string Encode(ulong bits, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 12);
        return string.Create(length, bits, static (chars, value) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[(int)(value >> (64 - (5 * (i + 1)))) & 31];
            }
        });
    }
}

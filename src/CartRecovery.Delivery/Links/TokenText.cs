using System.Buffers.Text;

namespace CartRecovery.Delivery.Links;

internal static class TokenText
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static bool TryDecode(string text, out byte[] bytes)
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
}

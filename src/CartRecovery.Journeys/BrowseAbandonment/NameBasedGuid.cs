using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Journeys.BrowseAbandonment;

/// <summary>RFC 4122 version-5 (name-based, SHA-1) identifiers: the same namespace and name always give the same
/// Guid, on every host, so a journey keyed on something other than a Guid still correlates by id.</summary>
public static class NameBasedGuid
{
    public static Guid Create(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for v5; it derives ids, it does not protect anything.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Joins parts so that no two different lists of parts give the same name ("a|bc" vs "ab|c").</summary>
    public static string Join(params string[] parts) =>
        string.Concat(parts.Select(p => $"{p.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{p}"));
}

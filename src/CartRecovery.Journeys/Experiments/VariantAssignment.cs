using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Journeys.Experiments;

/// <summary>
/// Places a customer in one arm of an experiment by a hash of the experiment's name and the customer's id, so the
/// customer sees the same arm in every journey instance, on every host and after every restart. The hash input
/// differs from the holdout's (<c>journey:customer</c>), so the two assignments are independent of each other.
/// </summary>
public static class VariantAssignment
{
    /// <summary>The arm for this customer; null when the experiment has no arms.</summary>
    public static DelayVariant? Pick(string experiment, string customerId, IReadOnlyList<DelayVariant> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var totalWeight = variants.Sum(v => (long)v.Weight);
        if (totalWeight <= 0)
        {
            return null;
        }

        var point = (long)(Hash(experiment, customerId) % (ulong)totalWeight);
        foreach (var variant in variants)
        {
            point -= variant.Weight;
            if (point < 0)
            {
                return variant;
            }
        }

        return variants[^1];
    }

    private static ulong Hash(string experiment, string customerId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"experiment:{experiment}:{customerId}"), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}

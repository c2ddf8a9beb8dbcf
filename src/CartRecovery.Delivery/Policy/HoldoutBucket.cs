using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Delivery.Policy;

/// <summary>Places a customer in one of 10,000 buckets per journey. A cryptographic hash (not
/// <see cref="string.GetHashCode()"/>) keeps the bucket the same on every run, machine and runtime version.</summary>
public static class HoldoutBucket
{
    public const int Count = 10_000;

    public static int For(string journey, string customerId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{journey}:{customerId}"), hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % Count);
    }

    public static bool IsHeldOut(int bucket, double holdoutPercent) => bucket < holdoutPercent * 100;
}

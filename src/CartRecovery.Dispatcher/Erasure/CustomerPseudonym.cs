using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Dispatcher.Erasure;

/// <summary>What an erased customer's id becomes everywhere it stays: stable, so counts per pseudonymous customer
/// still add up, and not reversible without the id.</summary>
public static class CustomerPseudonym
{
    public static string Of(string customerId) =>
        "erased-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(customerId)))[..16];
}

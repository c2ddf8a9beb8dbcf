using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Service.Tracking;

public static class UnsubscribeMessageId
{
    /// <summary>A message id fixed by the signed link, so repeated presses are one message to the inbox.</summary>
    public static Guid For(string token) => new(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 16));
}

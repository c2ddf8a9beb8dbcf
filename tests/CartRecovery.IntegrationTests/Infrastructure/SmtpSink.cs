using System.Collections.Concurrent;
using MimeKit;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Reads what the SMTP sink received, as the recipient would see it.</summary>
public sealed class SmtpSink(string maildir)
{
    // A maildir file never changes once written; parse each one once per test run.
    private static readonly ConcurrentDictionary<string, MimeMessage> Parsed = new(StringComparer.Ordinal);

    public IReadOnlyList<MimeMessage> To(string address)
    {
        var messages = new List<MimeMessage>();
        foreach (var folder in new[] { "new", "cur" }.Select(f => Path.Combine(maildir, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var message = Parsed.GetOrAdd(file, path => MimeMessage.Load(path));
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    messages.Add(message);
                }
            }
        }

        return [.. messages.OrderBy(m => m.Date)];
    }

    /// <summary>Waits for the one email to this address that matches, whatever else the customer gets meanwhile.</summary>
    public async Task<MimeMessage> WaitForOne(string address, Func<MimeMessage, bool> match, TimeSpan timeout) =>
        (await Eventually.Until(() => Task.FromResult(To(address)), m => m.Any(match), timeout, $"a matching email to {address}"))
            .First(match);

    public Task<IReadOnlyList<MimeMessage>> WaitFor(string address, int count, TimeSpan timeout) =>
        Eventually.Until(() => Task.FromResult(To(address)), m => m.Count >= count, timeout, $"{count} emails to {address}");
}

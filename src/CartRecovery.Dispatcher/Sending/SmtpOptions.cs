using MailKit.Security;

namespace CartRecovery.Dispatcher.Sending;

/// <summary>The SMTP relay (any ESP offers one), bound from <c>Smtp</c>.</summary>
public sealed record SmtpOptions
{
    public const string SectionName = "Smtp";

    public string Host { get; init; } = "";
    public int Port { get; init; } = 587;
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string FromAddress { get; init; } = "shop@example.com";
    public string FromName { get; init; } = "Your shop";

    /// <summary>Right-hand side of the Message-IDs we mint from ledger keys.</summary>
    public string MessageIdDomain { get; init; } = "cartrecovery.local";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

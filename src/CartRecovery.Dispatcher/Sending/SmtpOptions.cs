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

    /// <summary>Relay sessions kept open for the next email; 0 opens a new session for every email.</summary>
    public int MaxIdleConnections { get; init; } = 4;

    /// <summary>A kept session unused for this long is closed instead of reused.</summary>
    public TimeSpan IdleConnectionTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>An email the relay could not take is tried again after this, then after twice as long each time…</summary>
    public TimeSpan RetryFirstDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>…but never waits longer than this between two attempts; it keeps trying until the relay takes it.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait before attempt <paramref name="attempts"/> + 1.</summary>
    public TimeSpan RetryDelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(RetryMaxDelay.Ticks, RetryFirstDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));
}

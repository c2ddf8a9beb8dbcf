namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>What one scripted session does at <paramref name="Phase"/>: drop the connection without a word, or
/// answer <paramref name="ReplyCode"/> (4xx, 5xx) and carry on.</summary>
public sealed record SmtpFault(SmtpPhase Phase, int? ReplyCode = null)
{
    public static SmtpFault DropAt(SmtpPhase phase) => new(phase);

    public static SmtpFault Reply(SmtpPhase phase, int code) => new(phase, code);
}

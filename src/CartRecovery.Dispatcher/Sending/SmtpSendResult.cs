namespace CartRecovery.Dispatcher.Sending;

/// <summary>What became of one hand-over to the relay, with the relay's or the socket's words when it failed.</summary>
public sealed record SmtpSendResult(SmtpSendOutcome Outcome, string? Error = null)
{
    public static readonly SmtpSendResult Accepted = new(SmtpSendOutcome.Accepted);
}

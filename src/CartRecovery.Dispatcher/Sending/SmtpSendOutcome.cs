namespace CartRecovery.Dispatcher.Sending;

public enum SmtpSendOutcome
{
    /// <summary>The server answered 250: the email is on its way.</summary>
    Accepted,

    /// <summary>The server refused, or we never handed the message over: safe to try again.</summary>
    NotSent,

    /// <summary>The connection broke while the message was in flight: it may or may not have been accepted.</summary>
    InDoubt,
}

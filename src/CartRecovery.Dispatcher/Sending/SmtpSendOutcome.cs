namespace CartRecovery.Dispatcher.Sending;

public enum SmtpSendOutcome
{
    /// <summary>The server answered 250: the email is on its way.</summary>
    Accepted,

    /// <summary>The relay was unreachable, answered 4xx, or the connection was lost before the message data went out:
    /// nothing left, so the email waits and is tried again.</summary>
    NotSent,

    /// <summary>The relay refused the email for good (5xx): trying again would be refused again.</summary>
    Rejected,

    /// <summary>The connection broke after the message data went out, before the reply: it may have been accepted.</summary>
    InDoubt,
}

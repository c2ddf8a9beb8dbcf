namespace CartRecovery.Dispatcher.Sending;

public enum SmtpSendOutcome
{
    /// <summary>The server answered 250: the email is on its way.</summary>
    Accepted,

    /// <summary>The relay was unreachable or answered 4xx: nothing left, so the email waits and is tried again.</summary>
    NotSent,

    /// <summary>The relay refused the email for good (5xx): trying again would be refused again.</summary>
    Rejected,

    /// <summary>The connection broke while the message was in flight: it may or may not have been accepted.</summary>
    InDoubt,
}

namespace CartRecovery.Dispatcher.Sending;

/// <summary>The last step of an SMTP session the relay completed. Until the message data goes out the relay cannot
/// have taken the email, so a connection lost before <see cref="SendingData"/> means "not sent".</summary>
public enum SmtpSessionPhase
{
    Connected,
    SenderAccepted,
    RecipientAccepted,
    /// <summary>The message data began to go out: from here a lost connection leaves the email in doubt.</summary>
    SendingData,
}

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Where in an SMTP session <see cref="FaultSmtpServer"/> can break off or refuse.</summary>
public enum SmtpPhase
{
    Greeting,
    Ehlo,
    MailFrom,
    RcptTo,
    /// <summary>The DATA command, before the server invites the message with 354.</summary>
    DataCommand,
    /// <summary>The message data has arrived in full, before the server's reply.</summary>
    EndOfData,
    Quit,
}

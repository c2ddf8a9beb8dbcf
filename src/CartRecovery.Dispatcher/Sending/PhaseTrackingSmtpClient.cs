using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace CartRecovery.Dispatcher.Sending;

/// <summary>An <see cref="SmtpClient"/> that remembers how far the session got. Passed as the send's progress, it
/// learns when the message data starts to go out.</summary>
internal sealed class PhaseTrackingSmtpClient : SmtpClient, ITransferProgress
{
    public SmtpSessionPhase Phase { get; private set; } = SmtpSessionPhase.Connected;

    /// <summary>A kept session starts its next message where a new one would: connected, nothing sent.</summary>
    public void BeginMessage() => Phase = SmtpSessionPhase.Connected;

    public void Report(long bytesTransferred, long totalSize) => Phase = SmtpSessionPhase.SendingData;

    public void Report(long bytesTransferred) => Phase = SmtpSessionPhase.SendingData;

    protected override void OnSenderAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        base.OnSenderAccepted(message, mailbox, response);
        Phase = SmtpSessionPhase.SenderAccepted;
    }

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        base.OnRecipientAccepted(message, mailbox, response);
        Phase = SmtpSessionPhase.RecipientAccepted;
    }
}

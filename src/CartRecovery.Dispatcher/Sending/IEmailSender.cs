using MimeKit;

namespace CartRecovery.Dispatcher.Sending;

public interface IEmailSender
{
    Task<SmtpSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

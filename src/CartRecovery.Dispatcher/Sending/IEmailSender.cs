using MimeKit;

namespace CartRecovery.Dispatcher.Sending;

public interface IEmailSender
{
    Task<SmtpSendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

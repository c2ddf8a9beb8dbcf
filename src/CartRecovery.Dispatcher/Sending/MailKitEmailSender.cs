using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CartRecovery.Dispatcher.Sending;

/// <summary>Hands one email to the SMTP relay and says what is known about its fate, so the ledger can tell
/// "not sent, retry" from "maybe sent, never resend".</summary>
public sealed partial class MailKitEmailSender(IOptions<SmtpOptions> options, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task<SmtpSendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or MailKit.Security.AuthenticationException or OperationCanceledException)
        {
            LogNotConnected(ex, settings.Host, settings.Port);
            return SmtpSendOutcome.NotSent;
        }

        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            // The server answered with an error: it did not take the message.
            LogRefused(ex, (int)ex.StatusCode);
            return SmtpSendOutcome.NotSent;
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException)
        {
            LogInDoubt(ex);
            return SmtpSendOutcome.InDoubt;
        }

        await client.DisconnectAsync(quit: true, CancellationToken.None);
        return SmtpSendOutcome.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP relay {Host}:{Port} not reachable; email not sent")]
    private partial void LogNotConnected(Exception exception, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP relay refused the email with status {StatusCode}")]
    private partial void LogRefused(Exception exception, int statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMTP connection broke during the send; the email is in doubt and will not be resent")]
    private partial void LogInDoubt(Exception exception);
}

using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CartRecovery.Dispatcher.Sending;

/// <summary>Hands one email to the SMTP relay and says what is known about its fate, so the ledger can tell
/// "not sent, retry" from "maybe sent, never resend".</summary>
public sealed partial class MailKitEmailSender(IOptions<SmtpOptions> options, SmtpConnectionPool pool, ILogger<MailKitEmailSender> logger)
    : IEmailSender
{
    public async Task<SmtpSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (pool.TakeIdle() is { } kept)
        {
            var onKept = await Send(kept, message, cancellationToken);
            // A kept session the relay has since closed fails before the data: the email was not sent, so a new
            // session tries it at once. Anything else is the relay's answer to this email.
            if (onKept.Outcome != SmtpSendOutcome.NotSent)
            {
                return onKept;
            }

            LogKeptSessionFailed(onKept.Error);
        }

        var settings = options.Value;
        var client = new PhaseTrackingSmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
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
            client.Dispose();
            LogNotConnected(settings.Host, settings.Port, Describe(ex));
            return new SmtpSendResult(SmtpSendOutcome.NotSent, Describe(ex));
        }

        return await Send(client, message, cancellationToken);
    }

    /// <summary>One email on an open session. The session goes back to the pool only after the relay accepted the
    /// email; after any failure its state is unknown and it is dropped.</summary>
    private async Task<SmtpSendResult> Send(PhaseTrackingSmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(message, cancellationToken, client);
        }
        catch (SmtpCommandException ex)
        {
            client.Dispose();
            // The server answered with an error: it did not take the message. 4xx means "not now", 5xx "never".
            LogRefused((int)ex.StatusCode, ex.ErrorCode);
            return new SmtpSendResult((int)ex.StatusCode >= 500 ? SmtpSendOutcome.Rejected : SmtpSendOutcome.NotSent, Describe(ex));
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException or TimeoutException or ServiceNotConnectedException)
        {
            client.Dispose();
            if (client.Phase < SmtpSessionPhase.SendingData)
            {
                // Lost during MAIL FROM, RCPT TO or the DATA command: the relay cannot have taken the email.
                LogLostBeforeData(client.Phase, Describe(ex));
                return new SmtpSendResult(SmtpSendOutcome.NotSent, $"connection lost after {client.Phase}, before the message data: {Describe(ex)}");
            }

            LogInDoubt(ex);
            return new SmtpSendResult(SmtpSendOutcome.InDoubt, Describe(ex));
        }

        await pool.Return(client);
        return SmtpSendResult.Accepted;
    }

    private static string Describe(Exception exception) => exception switch
    {
        // The relay's own words may quote the recipient's address: keep only the code.
        SmtpCommandException command => $"{(int)command.StatusCode} {command.ErrorCode}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    // No stack trace: an absent relay is an expected condition, retried with backoff, and would flood the log.
    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP relay {Host}:{Port} not reachable ({Error}); the email waits")]
    private partial void LogNotConnected(string host, int port, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP relay refused the email with status {StatusCode} ({ErrorCode})")]
    private partial void LogRefused(int statusCode, SmtpErrorCode errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP connection lost after {Phase}, before the message data ({Error}); the email was not sent and waits")]
    private partial void LogLostBeforeData(SmtpSessionPhase phase, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A kept SMTP session failed before the message data ({Error}); trying a new session")]
    private partial void LogKeptSessionFailed(string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMTP connection broke after the message data went out; the email is in doubt and will not be resent")]
    private partial void LogInDoubt(Exception exception);
}

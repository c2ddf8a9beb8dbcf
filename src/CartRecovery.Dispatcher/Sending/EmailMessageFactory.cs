using CartRecovery.Delivery.Templates;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CartRecovery.Dispatcher.Sending;

/// <summary>Builds the MIME message: text and HTML parts, RFC 8058 one-click unsubscribe headers, and a
/// Message-ID derived from the ledger key so the same step always carries the same id.</summary>
public sealed class EmailMessageFactory(IOptions<SmtpOptions> options)
{
    public string MessageIdFor(Guid journeyId, int step) => $"{journeyId:N}.{step}@{options.Value.MessageIdDomain}";

    public MimeMessage Create(string toAddress, string? toName, RenderedEmail email, Uri unsubscribeUrl, Guid journeyId, int step)
    {
        var settings = options.Value;
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = MessageIdFor(journeyId, step),
            Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(toName ?? "", toAddress));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return message;
    }
}

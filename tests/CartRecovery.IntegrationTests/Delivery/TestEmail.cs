using MimeKit;

namespace CartRecovery.IntegrationTests.Delivery;

/// <summary>A small plain email with a fresh Message-ID, for specs of the SMTP sender itself.</summary>
internal static class TestEmail
{
    public static MimeMessage To(string address)
    {
        var message = new MimeMessage { Subject = "Your cart", MessageId = $"{Guid.NewGuid():N}.1@cartrecovery.local" };
        message.From.Add(new MailboxAddress("Shop", "shop@example.com"));
        message.To.Add(new MailboxAddress("", address));
        message.Body = new TextPart("plain") { Text = "Still thinking about it?" };
        return message;
    }
}

using System.Globalization;
using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Delivery;

/// <summary>The dispatcher's relay drops the connection at MAIL FROM, then at RCPT TO, then answers 451 at RCPT TO,
/// and only then takes the email: none of those attempts sent it, so it waits and goes out once.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_the_relay_drops_the_connection_before_the_message_data(ServiceEndpoints services)
{
    [Fact]
    public async Task Should_wait_and_send_the_email_once_when_the_relay_takes_it()
    {
        await using var relay = new FaultSmtpServer(
            SmtpFault.DropAt(SmtpPhase.MailFrom), SmtpFault.DropAt(SmtpPhase.RcptTo), SmtpFault.Reply(SmtpPhase.RcptTo, 451));
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Smtp:Host"] = "127.0.0.1";
            o.Settings["Smtp:Port"] = relay.Port.ToString(CultureInfo.InvariantCulture);
            o.Settings["Smtp:Timeout"] = "00:00:05";
            o.Settings["Smtp:RetryFirstDelay"] = "00:00:01";
            o.Settings["Smtp:RetryMaxDelay"] = "00:00:02";
        });
        var customerId = $"phase-{Guid.NewGuid():N}";
        await host.Bus.Publish(Customers.Consenting(customerId));
        await Customers.ProfileReady(host, customerId);
        var request = EmailRequests.For(JourneyNames.CartAbandonment, customerId);

        await EmailRequests.Send(host, request);

        await Eventually.Until(
            () => host.Database.Count("SELECT count(*) FROM email_decision WHERE journey_id = @id AND outcome = 'sent'", ("id", request.JourneyId)),
            n => n == 1, TimeSpan.FromSeconds(60), "the email sent after the relay's failures");
        Assert.Equal(3, await host.Database.Count(
            "SELECT count(*) FROM email_decision WHERE journey_id = @id AND outcome = 'waiting' AND rule = 'relay-unavailable'", ("id", request.JourneyId)));
        Assert.Equal(0, await host.Database.Count(
            "SELECT count(*) FROM email_decision WHERE journey_id = @id AND outcome = 'in-doubt'", ("id", request.JourneyId)));
        var accepted = Assert.Single(relay.Accepted);
        Assert.Contains(EmailRequests.MessageIdOf(request), accepted, StringComparison.Ordinal);
        Assert.Equal(4, relay.Sessions);
    }
}

using CartRecovery.Dispatcher.Sending;
using CartRecovery.IntegrationTests.Infrastructure;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.IntegrationTests.Delivery;

/// <summary>The SMTP sender against a relay scripted to fail at one phase: only a failure after the message data
/// went out leaves the email in doubt; anything earlier was never sent and may be tried again.</summary>
public sealed class When_the_relay_breaks_off_at_each_phase_of_the_session
{
    [Theory]
    [InlineData(SmtpPhase.Greeting)]
    [InlineData(SmtpPhase.Ehlo)]
    [InlineData(SmtpPhase.MailFrom)]
    [InlineData(SmtpPhase.RcptTo)]
    [InlineData(SmtpPhase.DataCommand)]
    public async Task Should_report_not_sent_when_the_connection_drops_before_the_data(SmtpPhase phase)
    {
        await using var relay = new FaultSmtpServer(SmtpFault.DropAt(phase));

        var result = await SendOne(relay);

        Assert.Equal(SmtpSendOutcome.NotSent, result.Outcome);
        Assert.Empty(relay.Accepted);
    }

    [Fact]
    public async Task Should_report_in_doubt_when_the_connection_drops_after_the_data_before_the_reply()
    {
        await using var relay = new FaultSmtpServer(SmtpFault.DropAt(SmtpPhase.EndOfData));

        Assert.Equal(SmtpSendOutcome.InDoubt, (await SendOne(relay)).Outcome);
    }

    [Fact]
    public async Task Should_report_not_sent_on_a_temporary_refusal_at_the_recipient_and_send_once_when_it_passes()
    {
        await using var relay = new FaultSmtpServer(SmtpFault.Reply(SmtpPhase.RcptTo, 451));

        Assert.Equal(SmtpSendOutcome.NotSent, (await SendOne(relay)).Outcome);
        Assert.Equal(SmtpSendOutcome.Accepted, (await SendOne(relay)).Outcome);
        Assert.Single(relay.Accepted);
    }

    [Fact]
    public async Task Should_report_rejected_on_a_permanent_refusal_at_the_recipient()
    {
        await using var relay = new FaultSmtpServer(SmtpFault.Reply(SmtpPhase.RcptTo, 550));

        Assert.Equal(SmtpSendOutcome.Rejected, (await SendOne(relay)).Outcome);
        Assert.Empty(relay.Accepted);
    }

    [Fact]
    public async Task Should_count_as_sent_when_quit_fails_after_the_relay_accepted()
    {
        await using var relay = new FaultSmtpServer(SmtpFault.DropAt(SmtpPhase.Quit));

        Assert.Equal(SmtpSendOutcome.Accepted, (await SendOne(relay)).Outcome);
        Assert.Single(relay.Accepted);
    }

    private static async Task<SmtpSendResult> SendOne(FaultSmtpServer relay)
    {
        var options = Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = relay.Port,
            Security = SecureSocketOptions.None,
            Timeout = TimeSpan.FromSeconds(5),
        });
        await using var pool = new SmtpConnectionPool(options, TimeProvider.System);
        var sender = new MailKitEmailSender(options, pool, NullLogger<MailKitEmailSender>.Instance);
        return await sender.SendAsync(TestEmail.To("phase@example.com"), CancellationToken.None);
    }
}

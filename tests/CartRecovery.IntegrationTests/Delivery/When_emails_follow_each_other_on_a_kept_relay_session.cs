using CartRecovery.Dispatcher.Sending;
using CartRecovery.IntegrationTests.Infrastructure;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.IntegrationTests.Delivery;

/// <summary>The sender keeps relay sessions open for the next email, and never lets a kept session the relay has
/// closed cost an email: it was not sent there, so a new session sends it.</summary>
public sealed class When_emails_follow_each_other_on_a_kept_relay_session
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Should_send_them_all_over_one_session()
    {
        await using var relay = new FaultSmtpServer();
        await using var pool = Pool(relay, keep: 4);
        var sender = Sender(relay, pool, keep: 4);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SmtpSendOutcome.Accepted, (await sender.SendAsync(TestEmail.To($"kept{i}@example.com"), CancellationToken.None)).Outcome);
        }

        Assert.Equal(3, relay.Accepted.Count);
        Assert.Equal(1, relay.Sessions);
    }

    [Fact]
    public async Task Should_send_on_a_new_session_once_when_the_relay_closed_the_kept_one()
    {
        await using var relay = new FaultSmtpServer();
        await using var pool = Pool(relay, keep: 4);
        var sender = Sender(relay, pool, keep: 4);
        await sender.SendAsync(TestEmail.To("first@example.com"), CancellationToken.None);

        relay.DropOpenSessions();
        var second = await sender.SendAsync(TestEmail.To("second@example.com"), CancellationToken.None);

        Assert.Equal(SmtpSendOutcome.Accepted, second.Outcome);
        Assert.Equal(2, relay.Accepted.Count);
        Assert.Single(relay.Accepted, data => data.Contains("second@example.com", StringComparison.Ordinal));
        Assert.Equal(2, relay.Sessions);
    }

    [Fact]
    public async Task Should_not_reuse_a_session_idle_past_the_timeout()
    {
        await using var relay = new FaultSmtpServer();
        await using var pool = Pool(relay, keep: 4);
        var sender = Sender(relay, pool, keep: 4);
        await sender.SendAsync(TestEmail.To("first@example.com"), CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(16));
        await sender.SendAsync(TestEmail.To("second@example.com"), CancellationToken.None);

        Assert.Equal(2, relay.Sessions);
        Assert.Equal(2, relay.Accepted.Count);
    }

    [Fact]
    public async Task Should_open_a_session_per_email_when_configured_to_keep_none()
    {
        await using var relay = new FaultSmtpServer();
        await using var pool = Pool(relay, keep: 0);
        var sender = Sender(relay, pool, keep: 0);

        await sender.SendAsync(TestEmail.To("first@example.com"), CancellationToken.None);
        await sender.SendAsync(TestEmail.To("second@example.com"), CancellationToken.None);

        Assert.Equal(2, relay.Sessions);
        Assert.Equal(2, relay.Accepted.Count);
    }

    private static IOptions<SmtpOptions> Options(FaultSmtpServer relay, int keep) => Microsoft.Extensions.Options.Options.Create(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = relay.Port,
        Security = SecureSocketOptions.None,
        Timeout = TimeSpan.FromSeconds(5),
        MaxIdleConnections = keep,
        IdleConnectionTimeout = TimeSpan.FromSeconds(15),
    });

    private SmtpConnectionPool Pool(FaultSmtpServer relay, int keep) => new(Options(relay, keep), _clock);

    private static MailKitEmailSender Sender(FaultSmtpServer relay, SmtpConnectionPool pool, int keep) =>
        new(Options(relay, keep), pool, NullLogger<MailKitEmailSender>.Instance);
}

using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using MassTransit;

namespace CartRecovery.IntegrationTests.Delivery;

/// <summary>Profile and consent events apply in event-time order: a late, older event never overrides a newer one,
/// and a withdrawal wins a tie.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_consent_events_arrive_out_of_order(ServiceEndpoints services) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly string _customerId = $"grace-{Guid.NewGuid():N}";
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);
        await Apply(Customers.Consenting(_customerId) with { OccurredAt = _now.AddHours(-1) });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(Withdrawal.ProfileWithoutConsent)]
    [InlineData(Withdrawal.Unsubscribe)]
    public async Task Should_not_let_an_older_grant_arriving_late_override_a_newer_withdrawal(Withdrawal withdrawal)
    {
        if (withdrawal == Withdrawal.Unsubscribe)
        {
            await Apply(Customers.Unsubscribed(_customerId) with { OccurredAt = _now });
        }
        else
        {
            await Apply(Customers.Consenting(_customerId) with { OccurredAt = _now, MarketingConsent = false });
        }

        await Apply(Customers.Consenting(_customerId) with { OccurredAt = _now.AddMinutes(-10) });
        var cartId = Guid.NewGuid();

        await _host.Bus.Publish(CartEvents.ItemAdded(cartId, customerId: _customerId));

        var outcome = await Eventually.Until(
            () => _host.Database.Scalar<string>("SELECT outcome FROM email_decision WHERE journey_id = @id AND step = 1", ("id", cartId)),
            o => o is not null, TimeSpan.FromSeconds(30), "recovery email decided");
        Assert.Equal("suppressed", outcome);
        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM send_ledger WHERE journey_id = @id", ("id", cartId)));
        Assert.Empty(new SmtpSink(services.Maildir).To($"{_customerId}@example.com"));
    }

    [Fact]
    public async Task Should_let_a_withdrawal_win_a_tie_with_a_grant()
    {
        await Apply(Customers.Consenting(_customerId) with { OccurredAt = _now, MarketingConsent = false });
        await Apply(Customers.Consenting(_customerId) with { OccurredAt = _now, FirstName = "Tied" });

        Assert.False(await Consenting());
        Assert.Equal("Tied", await _host.Database.Scalar<string>(
            "SELECT first_name FROM customer_profile WHERE customer_id = @id", ("id", _customerId)));
    }

    [Fact]
    public async Task Should_restore_consent_when_a_newer_grant_follows_an_older_unsubscribe()
    {
        await Apply(Customers.Unsubscribed(_customerId) with { OccurredAt = _now.AddMinutes(-10) });
        await Apply(Customers.Consenting(_customerId) with { OccurredAt = _now });

        Assert.True(await Consenting());
    }

    [Fact]
    public async Task Should_keep_the_newest_contact_details_when_an_older_update_arrives_late()
    {
        await Apply(Customers.Consenting(_customerId) with { OccurredAt = _now, FirstName = "Newest" });
        await Apply(Customers.Consenting(_customerId) with { OccurredAt = _now.AddMinutes(-5), FirstName = "Older" });

        Assert.Equal("Newest", await _host.Database.Scalar<string>(
            "SELECT first_name FROM customer_profile WHERE customer_id = @id", ("id", _customerId)));
    }

    public enum Withdrawal
    {
        ProfileWithoutConsent,
        Unsubscribe,
    }

    private async Task<bool> Consenting() =>
        await _host.Database.Count(
            "SELECT count(*) FROM customer_profile WHERE customer_id = @id AND marketing_consent AND NOT unsubscribed",
            ("id", _customerId)) == 1;

    /// <summary>Publishes under the event id and waits until the projection has consumed it, whatever it changed.</summary>
    private async Task Apply<T>(T message) where T : class
    {
        var eventId = message switch
        {
            CustomerProfileUpdated updated => updated.EventId,
            CustomerUnsubscribed unsubscribed => unsubscribed.EventId,
            _ => throw new ArgumentOutOfRangeException(nameof(message)),
        };
        await _host.Bus.Publish(message, ctx => ctx.MessageId = eventId);
        await Eventually.Until(
            () => _host.Database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id AND consumed IS NOT NULL", ("id", eventId)),
            n => n >= 1, Deadline, $"{typeof(T).Name} consumed");
    }
}

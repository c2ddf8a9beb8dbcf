using System.Net;
using System.Security.Cryptography;
using System.Text;
using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Erasure;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.IntegrationTests.Http;

/// <summary>Erasure marks first, then removes: whatever fires in between sends nothing. The pseudonym it leaves is
/// keyed, and events from before the erasure do not bring the customer back.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_timer_fires_while_a_customer_is_erased(ServiceEndpoints services) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly string _customerId = $"erasing-{Guid.NewGuid():N}";
    private TestHost _host = null!;

    private string Pseudonym => _host.Services.GetRequiredService<CustomerPseudonym>().Of(_customerId);

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00";
        });
        await _host.Bus.Publish(Customers.Consenting(_customerId) with { OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        await Customers.ProfileReady(_host, _customerId);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_refuse_the_send_once_the_erasure_marker_is_committed()
    {
        // The erasure has committed its marker and not yet deleted the profile when a timer requests an email.
        await _host.Database.Execute("INSERT INTO erased_customer (pseudonym, erased_at) VALUES (@p, now())", ("p", Pseudonym));
        var journeyId = Guid.NewGuid();
        var dispatcher = await _host.Bus.GetSendEndpoint(JourneyEndpoints.EmailDispatcher);
        await dispatcher.Send(new SendJourneyEmail
        {
            JourneyId = journeyId,
            Journey = JourneyNames.CartAbandonment,
            Step = 1,
            StepName = "recovery",
            CustomerId = _customerId,
            RequestedAt = DateTimeOffset.UtcNow.AddSeconds(1),
            Products = [CartEvents.ItemAdded(journeyId).Item],
        });

        var rule = await Eventually.Until(
            () => _host.Database.Scalar<string>("SELECT rule FROM email_decision WHERE journey_id = @id", ("id", journeyId)),
            r => r is not null, Deadline, "decision recorded");
        Assert.Equal(ContactRules.Erased, rule);
        Assert.Equal(Pseudonym, await _host.Database.Scalar<string>("SELECT customer_id FROM email_decision WHERE journey_id = @id", ("id", journeyId)));
        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM send_ledger WHERE journey_id = @id", ("id", journeyId)));
        Assert.Empty(new SmtpSink(services.Maildir).To($"{_customerId}@example.com"));
    }

    [Fact]
    public async Task Should_commit_the_marker_before_removing_anything()
    {
        var cartId = Guid.NewGuid();
        await _host.Bus.Publish(CartEvents.ItemAdded(cartId, customerId: _customerId));
        await Eventually.Until(() => _host.Database.CartState(cartId), s => s is not null, Deadline, "cart journey started");

        Assert.Equal(HttpStatusCode.OK, (await Erase()).StatusCode);

        var erasedAt = await _host.Database.Scalar<DateTime>("SELECT erased_at FROM erased_customer WHERE pseudonym = @p", ("p", Pseudonym));
        var firstCancel = await _host.Database.Scalar<DateTime>("SELECT min(cancelled_at) FROM cancelled_journey WHERE journey_id = @id", ("id", cartId));
        Assert.True(erasedAt <= firstCancel, $"marker at {erasedAt:O}, first removal at {firstCancel:O}");
    }

    [Fact]
    public async Task Should_pseudonymise_with_a_key_so_a_guessed_id_does_not_reveal_the_customer()
    {
        await Erase();

        var stored = await _host.Database.Scalar<string>("SELECT pseudonym FROM erased_customer");
        var unkeyed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_customerId)));
        var otherSecret = new CustomerPseudonym(Options.Create(new PrivacyOptions { PseudonymSecret = new string('x', 40) }));
        Assert.Equal(Pseudonym, stored);
        Assert.DoesNotContain(unkeyed[..16], stored, StringComparison.Ordinal);
        Assert.NotEqual(otherSecret.Of(_customerId), stored);
    }

    [Fact]
    public async Task Should_ignore_a_profile_event_from_before_the_erasure_that_arrives_after_it()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await Erase();

        var late = Customers.Consenting(_customerId) with { OccurredAt = before };
        await _host.Bus.Publish(late, ctx => ctx.MessageId = late.EventId);
        await Eventually.Until(
            () => _host.Database.Count("SELECT count(*) FROM inbox_state WHERE message_id = @id AND consumed IS NOT NULL", ("id", late.EventId)),
            n => n >= 1, Deadline, "late profile event consumed");

        Assert.Equal(0, await _host.Database.Count("SELECT count(*) FROM customer_profile WHERE customer_id = @id", ("id", _customerId)));
    }

    private Task<HttpResponseMessage> Erase() =>
        _host.Http.PostAsync(new Uri($"/api/customers/{_customerId}/erase", UriKind.Relative), null);
}

using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using MassTransit;

namespace CartRecovery.IntegrationTests.Journeys;

/// <summary>Browse abandonment, post-purchase and win-back over RabbitMQ, PostgreSQL (timers included) and SMTP, with
/// delays of seconds: each delivers its first email to the sink.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_the_other_journeys_run_end_to_end(ServiceEndpoints services) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:BrowseAbandonment:QuietPeriod"] = "00:00:02";
            o.Settings["Journeys:Inactivity:InactiveAfter"] = "00:00:03";
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00";
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> ConsentingCustomer(string prefix)
    {
        var customerId = $"{prefix}-{Guid.NewGuid():N}";
        await _host.Bus.Publish(Customers.Consenting(customerId));
        await Customers.ProfileReady(_host, customerId);
        return customerId;
    }

    [Fact]
    public async Task Should_email_the_product_viewed_three_times_and_not_bought_with_related_views()
    {
        var customerId = await ConsentingCustomer("browser");
        await _host.Bus.Publish(new ProductViewed
        {
            EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, CustomerId = customerId,
            Sku = "VASE-3", Name = "Stone vase", UnitPrice = 35m, Currency = "EUR",
        });
        await Eventually.Until(() => _host.Database.Count("SELECT count(*) FROM product_view WHERE customer_id = @id", ("id", customerId)),
            n => n == 1, TimeSpan.FromSeconds(20), "earlier view recorded");
        for (var i = 0; i < 3; i++)
        {
            await _host.Bus.Publish(new ProductViewed
            {
                EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, CustomerId = customerId,
                Sku = "LAMP-7", Name = "Desk lamp", UnitPrice = 59m, Currency = "EUR",
            });
        }

        // The win-back email may arrive too (its delay is seconds here): pick the browse email.
        var mail = await new SmtpSink(services.Maildir).WaitForOne($"{customerId}@example.com",
            m => m.HtmlBody?.Contains("Desk lamp", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30));
        Assert.Contains("Stone vase", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Noch unentschlossen: Desk lamp?", mail.Subject);
    }

    [Fact]
    public async Task Should_send_the_shipment_email_when_the_order_ships()
    {
        var customerId = await ConsentingCustomer("buyer");
        var orderId = NewId.NextGuid();
        await _host.Bus.Publish(OrderEvents.Placed(customerId, orderId));
        await _host.Bus.Publish(OrderEvents.Shipped(customerId, orderId));

        var mail = await new SmtpSink(services.Maildir).WaitForOne($"{customerId}@example.com",
            m => m.MessageId == $"{orderId:N}.1@cartrecovery.local", TimeSpan.FromSeconds(30));
        Assert.Contains("Product KETTLE-2", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Ada, Ihre Bestellung ist unterwegs", mail.Subject);
        Assert.Contains("Ihre Bestellung ist unterwegs mit DHL.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sendungsnummer: 00340434161094042557", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sendung verfolgen: https://parcels.example.net/track/00340434161094042557", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_the_re_engagement_email_after_a_quiet_spell()
    {
        var customerId = await ConsentingCustomer("quiet");
        await _host.Bus.Publish(new EmailOpened
        {
            EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, CustomerId = customerId, JourneyId = Guid.NewGuid(), Step = 1,
        });

        var mail = Assert.Single(await new SmtpSink(services.Maildir).WaitFor($"{customerId}@example.com", count: 1, TimeSpan.FromSeconds(30)));
        Assert.Equal("Wir vermissen Sie, Ada", mail.Subject);
        Assert.Equal("Lapsed", await Eventually.Until(
            () => _host.Database.Scalar<string>("SELECT current_state FROM inactivity_state WHERE customer_id = @id", ("id", customerId)),
            s => s == "Lapsed", TimeSpan.FromSeconds(10), "lapsed"));
    }
}

using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys;

namespace CartRecovery.IntegrationTests.Delivery;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_customer_unsubscribes_before_the_send(ServiceEndpoints services)
{
    [Fact]
    public async Task Should_send_nothing_and_say_why()
    {
        var customerId = $"linus-{Guid.NewGuid():N}";
        var journeyId = Guid.NewGuid();
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);
        await host.Bus.Publish(Customers.Consenting(customerId, "Linus"));
        await Customers.ProfileReady(host, customerId);
        await host.Bus.Publish(Customers.Unsubscribed(customerId));
        await Eventually.Until(() => host.Database.Count("SELECT count(*) FROM customer_profile WHERE customer_id = @id AND unsubscribed", ("id", customerId)),
            n => n == 1, TimeSpan.FromSeconds(20), "unsubscribe committed");

        var endpoint = await host.Bus.GetSendEndpoint(new Uri($"queue:{JourneyEndpoints.EmailDispatcherQueue}"));
        await endpoint.Send(new SendJourneyEmail
        {
            JourneyId = journeyId,
            Journey = JourneyNames.CartAbandonment,
            Step = 1,
            StepName = "recovery",
            CustomerId = customerId,
            RequestedAt = DateTimeOffset.UtcNow,
            Products = [CartEvents.ItemAdded(journeyId).Item],
        });

        var rule = await Eventually.Until(
            () => host.Database.Scalar<string>("SELECT rule FROM email_decision WHERE journey_id = @id", ("id", journeyId)),
            r => r is not null, TimeSpan.FromSeconds(20), "decision recorded");
        Assert.Equal("unsubscribed", rule);
        Assert.Equal("suppressed", await host.Database.Scalar<string>("SELECT outcome FROM email_decision WHERE journey_id = @id", ("id", journeyId)));
        Assert.Empty(new SmtpSink(services.Maildir).To($"{customerId}@example.com"));
        Assert.Equal(0, await host.Database.Count("SELECT count(*) FROM send_ledger WHERE journey_id = @id", ("id", journeyId)));
    }
}

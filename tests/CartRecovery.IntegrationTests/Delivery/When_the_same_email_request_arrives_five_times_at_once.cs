using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys;

namespace CartRecovery.IntegrationTests.Delivery;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_same_email_request_arrives_five_times_at_once(ServiceEndpoints services)
{
    [Fact]
    public async Task Should_send_exactly_one_email()
    {
        var customerId = $"grace-{Guid.NewGuid():N}";
        var journeyId = Guid.NewGuid();
        var database = await services.CreateDatabase();
        await using var a = await TestHost.Start(services, database, o => o.PurgeQueues = true);
        await using var b = await TestHost.Start(services, database);
        await a.Bus.Publish(Customers.Consenting(customerId, "Grace"));
        await Customers.ProfileReady(a, customerId);

        var request = new SendJourneyEmail
        {
            JourneyId = journeyId,
            Journey = JourneyNames.CartAbandonment,
            Step = 1,
            StepName = "recovery",
            CustomerId = customerId,
            RequestedAt = DateTimeOffset.UtcNow,
            Products = [CartEvents.ItemAdded(journeyId).Item],
            CartValue = 20m,
            Currency = "EUR",
        };
        // Five distinct deliveries (distinct message ids), so the inbox cannot help: only the ledger can.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async i =>
        {
            var endpoint = await (i % 2 == 0 ? a : b).Bus.GetSendEndpoint(new Uri($"queue:{JourneyEndpoints.EmailDispatcherQueue}"));
            await endpoint.Send(request);
        }));

        await Eventually.Until(() => a.Database.Count("SELECT count(*) FROM email_decision WHERE journey_id = @id", ("id", journeyId)),
            n => n == 5, TimeSpan.FromSeconds(30), "five decisions");
        Assert.Single(new SmtpSink(services.Maildir).To($"{customerId}@example.com"));
        Assert.Equal(1, await a.Database.Count("SELECT count(*) FROM email_decision WHERE journey_id = @id AND outcome = 'sent'", ("id", journeyId)));
        Assert.Equal(4, await a.Database.Count("SELECT count(*) FROM email_decision WHERE journey_id = @id AND outcome = 'duplicate'", ("id", journeyId)));
    }
}

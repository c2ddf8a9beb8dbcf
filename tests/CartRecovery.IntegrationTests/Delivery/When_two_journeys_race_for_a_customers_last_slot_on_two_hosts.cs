using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Delivery;

/// <summary>A cap of one email per hour, and for each of many customers a cart and a post-purchase email falling due
/// at the same moment on two hosts: the cap is re-checked atomically at the claim, so only one can take the slot.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_two_journeys_race_for_a_customers_last_slot_on_two_hosts(ServiceEndpoints services)
{
    private const int CustomerCount = 40;

    [Fact]
    public async Task Should_send_one_email_per_customer_and_name_the_winner_in_the_losers_decision()
    {
        var database = await services.CreateDatabase();
        static void CapOfOne(TestHostOptions o)
        {
            o.Settings["Delivery:ContactPolicy:MaxMarketingEmails"] = "1";
            o.Settings["Delivery:ContactPolicy:Window"] = "01:00:00";
            // No contest window: only the claim's own atomic re-check stands between the two emails.
            o.Settings["Delivery:ContactPolicy:ContentionWindow"] = "00:00:00";
        }

        await using var a = await TestHost.Start(services, database, o => { CapOfOne(o); o.PurgeQueues = true; });
        await using var b = await TestHost.Start(services, database, CapOfOne);
        var customers = Enumerable.Range(0, CustomerCount).Select(_ => $"race-{Guid.NewGuid():N}").ToList();
        foreach (var customer in customers)
        {
            await a.Bus.Publish(Customers.Consenting(customer));
        }

        await Eventually.Until(() => a.Database.Count("SELECT count(*) FROM customer_profile WHERE email IS NOT NULL"),
            n => n == CustomerCount, TimeSpan.FromSeconds(30), "profiles projected");

        var requests = customers.SelectMany(c => new[]
        {
            EmailRequests.For(JourneyNames.CartAbandonment, c),
            EmailRequests.For(JourneyNames.PostPurchase, c, stepName: "shipped"),
        }).ToList();
        await Task.WhenAll(requests.Select((r, i) => EmailRequests.Send(i % 2 == 0 ? a : b, r)));

        await Eventually.Until(() => a.Database.Count("SELECT count(DISTINCT journey_id) FROM email_decision WHERE outcome IN ('sent', 'deferred', 'suppressed')"),
            n => n == requests.Count, TimeSpan.FromSeconds(60), "a decision for every request");

        var sink = new SmtpSink(services.Maildir);
        var doubles = customers.Where(c => sink.To($"{c}@example.com").Count != 1).ToList();
        Assert.True(doubles.Count == 0, $"{doubles.Count} of {CustomerCount} customers did not get exactly one email");
        foreach (var customer in customers)
        {
            var winner = requests.Single(r => r.CustomerId == customer && EmailRequests.MessageIdOf(r) == sink.To($"{customer}@example.com")[0].MessageId);
            var loser = requests.Single(r => r.CustomerId == customer && r != winner);
            Assert.Equal(1, await a.Database.Count("""
                SELECT count(*) FROM email_decision
                WHERE journey_id = @loser AND outcome = 'deferred' AND rule = 'frequency-cap'
                  AND decision_values->>'takenByJourneyId' = @winner AND decision_values->>'takenByJourney' = @journey
                """, ("loser", loser.JourneyId), ("winner", winner.JourneyId.ToString()), ("journey", winner.Journey)));
        }

        Assert.Equal(CustomerCount, await a.Database.Count("SELECT count(*) FROM send_ledger WHERE status = 'sent'"));
    }
}

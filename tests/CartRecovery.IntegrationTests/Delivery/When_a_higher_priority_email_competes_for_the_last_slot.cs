using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Delivery;

/// <summary>A cap of one, and for each customer a win-back email (priority 1) falling due just before a cart email
/// (priority 3), on two hosts: the cart email gets the slot although it arrived second.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_higher_priority_email_competes_for_the_last_slot(ServiceEndpoints services)
{
    private const int CustomerCount = 10;

    [Fact]
    public async Task Should_send_the_higher_priority_email_and_defer_the_other_naming_it()
    {
        var database = await services.CreateDatabase();
        static void CapOfOne(TestHostOptions o)
        {
            o.Settings["Delivery:ContactPolicy:MaxMarketingEmails"] = "1";
            o.Settings["Delivery:ContactPolicy:Window"] = "01:00:00";
            o.Settings["Delivery:ContactPolicy:ContentionWindow"] = "00:00:05";
        }

        await using var a = await TestHost.Start(services, database, o => { CapOfOne(o); o.PurgeQueues = true; });
        await using var b = await TestHost.Start(services, database, CapOfOne);
        var customers = Enumerable.Range(0, CustomerCount).Select(_ => $"rank-{Guid.NewGuid():N}").ToList();
        foreach (var customer in customers)
        {
            await a.Bus.Publish(Customers.Consenting(customer));
        }

        await Eventually.Until(() => a.Database.Count("SELECT count(*) FROM customer_profile WHERE email IS NOT NULL"),
            n => n == CustomerCount, TimeSpan.FromSeconds(30), "profiles projected");

        var winBacks = customers.Select(c => EmailRequests.For(JourneyNames.Inactivity, c, stepName: "re-engagement")).ToList();
        var carts = customers.Select(c => EmailRequests.For(JourneyNames.CartAbandonment, c)).ToList();
        await Task.WhenAll(winBacks.Select((r, i) => EmailRequests.Send(i % 2 == 0 ? a : b, r)));
        await Eventually.Until(() => a.Database.Count("SELECT count(*) FROM email_decision WHERE journey = @journey", ("journey", JourneyNames.Inactivity)),
            n => n >= CustomerCount, TimeSpan.FromSeconds(30), "every win-back email decided first");
        await Task.WhenAll(carts.Select((r, i) => EmailRequests.Send(i % 2 == 0 ? b : a, r)));

        var sink = new SmtpSink(services.Maildir);
        foreach (var (cart, winBack) in carts.Zip(winBacks))
        {
            var mail = await sink.WaitForOne($"{cart.CustomerId}@example.com", m => m.MessageId == EmailRequests.MessageIdOf(cart), TimeSpan.FromSeconds(30));
            Assert.NotNull(mail);
            await Eventually.Until(() => a.Database.Count("""
                    SELECT count(*) FROM email_decision
                    WHERE journey_id = @loser AND outcome = 'deferred' AND rule = 'frequency-cap' AND decision_values->>'takenByJourneyId' = @winner
                    """, ("loser", winBack.JourneyId), ("winner", cart.JourneyId.ToString())),
                n => n == 1, TimeSpan.FromSeconds(30), "the win-back email deferred behind the cart email");
            Assert.Single(sink.To($"{cart.CustomerId}@example.com"));
        }

        Assert.Equal(0, await a.Database.Count("SELECT count(*) FROM send_ledger WHERE journey = @journey", ("journey", JourneyNames.Inactivity)));
    }
}

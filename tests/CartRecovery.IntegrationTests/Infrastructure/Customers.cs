using CartRecovery.Contracts;

namespace CartRecovery.IntegrationTests.Infrastructure;

public static class Customers
{
    /// <summary>A consenting customer with a unique address, so a spec finds exactly its own mail.</summary>
    public static CustomerProfileUpdated Consenting(string customerId, string firstName = "Ada") => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customerId,
        Email = $"{customerId}@example.com",
        FirstName = firstName,
        TimeZone = "Europe/Berlin",
        Locale = "de-DE",
        MarketingConsent = true,
    };

    public static CustomerUnsubscribed Unsubscribed(string customerId) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        CustomerId = customerId,
        Source = "one-click",
    };

    public static Task<long> ProfileReady(TestHost host, string customerId) =>
        Eventually.Until(
            () => host.Database.Count("SELECT count(*) FROM customer_profile WHERE customer_id = @id AND email IS NOT NULL", ("id", customerId)),
            n => n == 1, TimeSpan.FromSeconds(20), "profile projected");
}

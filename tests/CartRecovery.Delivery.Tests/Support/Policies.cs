using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Profiles;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Tests.Support;

internal static class Policies
{
    public const string Email = "anna@example.com";

    public static ContactPolicy Default() => With(new ContactPolicyOptions());

    public static ContactPolicy With(ContactPolicyOptions options) => new(Options.Create(options));

    public static CustomerProfile Customer(string customerId = "c-1", string? timeZone = "Europe/Berlin") => new()
    {
        CustomerId = customerId,
        Email = Email,
        FirstName = "Anna",
        TimeZone = timeZone,
        Locale = "de-DE",
        MarketingConsent = true,
    };

    public static ContactRequest CartEmail(DateTimeOffset requestedAt, string customerId = "c-1", Guid? journeyId = null, int step = 1) =>
        Request(JourneyNames.CartAbandonment, requestedAt, customerId, journeyId, step);

    public static ContactRequest Request(
        string journey, DateTimeOffset requestedAt, string customerId = "c-1", Guid? journeyId = null, int step = 1) =>
        new(journeyId ?? Guid.NewGuid(), journey, step, customerId, requestedAt);

    public static SentEmail Sent(string journey, DateTimeOffset sentAt, Guid? journeyId = null, bool isMarketing = true) =>
        new(journey, journeyId ?? Guid.NewGuid(), 1, sentAt, isMarketing);

    public static ContactDecision Decide(
        this ContactPolicy policy, ContactRequest request, CustomerProfile? profile, DateTimeOffset now, params SentEmail[] sent) =>
        policy.Decide(request, profile, sent, now);
}

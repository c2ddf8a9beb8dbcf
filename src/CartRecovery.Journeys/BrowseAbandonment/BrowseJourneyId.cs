using CartRecovery.Contracts;

namespace CartRecovery.Journeys.BrowseAbandonment;

/// <summary>One browse journey per (customer, product): its id is derived from both, so views, cart additions and
/// orders find it by id without a lookup. The namespace is wire identity: changing it orphans every journey.</summary>
public static class BrowseJourneyId
{
    private static readonly Guid Namespace = new("5b0f6a2e-8d0c-4c1e-9a55-1f3e7c2b9d40");

    public static Guid For(string customerId, string sku) => NameBasedGuid.Create(Namespace, NameBasedGuid.Join(customerId, sku));

    /// <summary>Orders correlate on their first line only (a saga instance is found by one id). Web orders go through
    /// the cart, whose additions already end the journey for every sku; a cartless order with several lines still
    /// leaves journeys of the other skus running.</summary>
    public static Guid ForOrder(OrderPlaced order) => For(order.CustomerId, order.Lines.Count > 0 ? order.Lines[0].Sku : "");

    /// <summary>The id the <paramref name="emailNumber"/>-th email of the journey goes out under. The dispatcher sends
    /// at most once per (journey id, step), and this journey emails again after each cooldown, so each email needs
    /// its own.</summary>
    public static Guid ForEmail(Guid journeyId, int emailNumber) =>
        NameBasedGuid.Create(journeyId, NameBasedGuid.Join("email", emailNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

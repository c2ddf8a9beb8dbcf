namespace CartRecovery.Journeys.PostPurchase;

/// <summary>Time to ask for a review: a while after delivery, or after the order when no delivery event came.</summary>
public sealed record ReviewRequestDue
{
    public required Guid OrderId { get; init; }
}

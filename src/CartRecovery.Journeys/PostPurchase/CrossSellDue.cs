namespace CartRecovery.Journeys.PostPurchase;

public sealed record CrossSellDue
{
    public required Guid OrderId { get; init; }
}

namespace CartRecovery.Journeys.CartAbandonment;

public sealed record DiscountFollowUpDue
{
    public required Guid CartId { get; init; }
}

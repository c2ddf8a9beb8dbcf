namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>The cart has been in checkout, with no other activity, for the checkout idle timeout.</summary>
public sealed record CheckoutIdleTimeoutElapsed
{
    public required Guid CartId { get; init; }
}

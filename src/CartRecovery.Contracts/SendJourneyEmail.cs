namespace CartRecovery.Contracts;

/// <summary>
/// A journey says step <see cref="Step"/> is due. The dispatcher decides whether, when and how the customer is
/// contacted, and sends at most once per (<see cref="JourneyId"/>, <see cref="Step"/>).
/// </summary>
public sealed record SendJourneyEmail
{
    public required Guid JourneyId { get; init; }
    public required string Journey { get; init; }
    public required int Step { get; init; }
    /// <summary>Template key of the step, e.g. "recovery" or "discount".</summary>
    public required string StepName { get; init; }
    public required string CustomerId { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public required IReadOnlyList<ProductLine> Products { get; init; }
    public decimal? CartValue { get; init; }
    public string? Currency { get; init; }
    /// <summary>Set on discount steps: the percentage the dispatcher mints a unique code for.</summary>
    public int? DiscountPercent { get; init; }
    /// <summary>The cart a cart email is about: its "back to your cart" link lands on this cart's page.</summary>
    public Guid? CartId { get; init; }
    /// <summary>The cart page as the shop named it; wins over the configured <c>Delivery:Links:CartUrlTemplate</c>.</summary>
    public Uri? CartUrl { get; init; }
    /// <summary>The order a post-purchase email is about.</summary>
    public Guid? OrderId { get; init; }
    /// <summary>Shipment emails: who carries the parcel, its tracking number and the carrier's tracking page.</summary>
    public string? Carrier { get; init; }
    public string? TrackingNumber { get; init; }
    public Uri? TrackingUrl { get; init; }
    /// <summary>The experiment the journey takes part in (e.g. "cart-abandonment.recovery-delay"), if any.</summary>
    public string? Experiment { get; init; }
    /// <summary>The customer's arm of <see cref="Experiment"/> (e.g. "1h"), recorded in every decision.</summary>
    public string? Variant { get; init; }
}

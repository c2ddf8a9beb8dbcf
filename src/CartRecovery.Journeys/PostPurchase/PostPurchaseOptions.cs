namespace CartRecovery.Journeys.PostPurchase;

/// <summary>Marketer-tunable delays of the post-purchase journey, bound from <c>Journeys:PostPurchase</c>.</summary>
public sealed record PostPurchaseOptions
{
    public const string SectionName = "Journeys:PostPurchase";

    /// <summary>The review request goes out this long after delivery.</summary>
    public TimeSpan ReviewDelay { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Without a delivery event, the review request goes out this long after the order.</summary>
    public TimeSpan ReviewFallback { get; init; } = TimeSpan.FromDays(14);

    /// <summary>The cross-sell email follows the review request after this long; the journey then ends.</summary>
    public TimeSpan CrossSellDelay { get; init; } = TimeSpan.FromDays(30);
}

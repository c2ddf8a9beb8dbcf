namespace CartRecovery.Delivery.Profiles;

/// <summary>Thresholds that put customers into segments, bound from <c>Delivery:Segments</c>.</summary>
public sealed record SegmentOptions
{
    public const string SectionName = "Delivery:Segments";

    /// <summary>A customer with at least this many orders is VIP.</summary>
    public int VipMinOrders { get; init; } = 5;

    /// <summary>A customer who spent at least this much in total is VIP, whatever the order count.</summary>
    public decimal VipMinLifetimeValue { get; init; } = 1000m;

    /// <summary>A customer whose engagement score is below this is low-engagement.</summary>
    public int LowEngagementScore { get; init; } = 5;
}

namespace CartRecovery.Delivery.Profiles;

public static class CustomerSegments
{
    /// <summary>Every segment the customer belongs to; segments overlap (e.g. returning and VIP).</summary>
    public static IReadOnlyList<string> Classify(CustomerProfile profile, SegmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);

        List<string> segments = [profile.OrderCount > 0 ? CustomerSegment.Returning : CustomerSegment.New];
        if (profile.OrderCount >= options.VipMinOrders || profile.LifetimeValue >= options.VipMinLifetimeValue)
        {
            segments.Add(CustomerSegment.Vip);
        }

        if (profile.EngagementScore < options.LowEngagementScore)
        {
            segments.Add(CustomerSegment.LowEngagement);
        }

        return segments;
    }

    public static bool IsVip(CustomerProfile profile, SegmentOptions options) =>
        Classify(profile, options).Contains(CustomerSegment.Vip);
}

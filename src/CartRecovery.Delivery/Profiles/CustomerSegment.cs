namespace CartRecovery.Delivery.Profiles;

/// <summary>Segment names as journeys, templates and the decision log use them.</summary>
public static class CustomerSegment
{
    /// <summary>No order yet.</summary>
    public const string New = "new";
    /// <summary>At least one order.</summary>
    public const string Returning = "returning";
    /// <summary>Orders or lifetime value at or over the VIP thresholds.</summary>
    public const string Vip = "vip";
    /// <summary>Engagement score under the threshold.</summary>
    public const string LowEngagement = "low-engagement";
}

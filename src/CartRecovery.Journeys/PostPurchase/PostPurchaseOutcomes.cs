namespace CartRecovery.Journeys.PostPurchase;

public static class PostPurchaseOutcomes
{
    /// <summary>Every step was requested; the cross-sell email was the last.</summary>
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    /// <summary>Cancelled with a reason that mentions a refund.</summary>
    public const string Refunded = "refunded";
    /// <summary>Support ended the journey by hand; the order itself stands.</summary>
    public const string CancelledBySupport = "cancelled-by-support";
}

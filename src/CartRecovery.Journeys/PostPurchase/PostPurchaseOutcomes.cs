namespace CartRecovery.Journeys.PostPurchase;

public static class PostPurchaseOutcomes
{
    /// <summary>Every step was requested; the cross-sell email was the last.</summary>
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    /// <summary>Cancelled with a reason that mentions a refund.</summary>
    public const string Refunded = "refunded";
}

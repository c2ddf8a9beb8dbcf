namespace CartRecovery.Journeys.BrowseAbandonment;

/// <summary>How a round of the browse journey ended. The journey itself lives on (one per customer and product)
/// and watches again once the cooldown is over.</summary>
public static class BrowseAbandonmentOutcomes
{
    public const string Emailed = "emailed";
    /// <summary>The product went into a cart: the cart journey takes over.</summary>
    public const string Carted = "carted";
    public const string Ordered = "ordered";
    /// <summary>Support ended the journey by hand: the product is never emailed about again.</summary>
    public const string Cancelled = "cancelled";
}

namespace CartRecovery.Contracts;

/// <summary>The names journeys go by on the wire, in templates, in the decision log and in metrics.</summary>
public static class JourneyNames
{
    public const string CartAbandonment = "cart-abandonment";
    public const string BrowseAbandonment = "browse-abandonment";
    public const string PostPurchase = "post-purchase";
    public const string Inactivity = "inactivity";
}

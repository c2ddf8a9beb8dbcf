namespace CartRecovery.Delivery.Links;

public static class TrackingTokenKinds
{
    public const string Open = "open";
    public const string Click = "click";
    public const string Unsubscribe = "unsubscribe";

    public static bool IsKnown(string kind) => kind is Open or Click or Unsubscribe;
}

namespace CartRecovery.Delivery.Policy;

public static class ContactOutcomes
{
    public const string Send = "send";
    public const string Suppressed = "suppressed";
    public const string Deferred = "deferred";
}

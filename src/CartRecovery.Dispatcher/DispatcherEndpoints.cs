namespace CartRecovery.Dispatcher;

public static class DispatcherEndpoints
{
    public const string CustomerProfiles = "customer-profiles";
    public const string DiscountCodes = "discount-codes";
    public const string Conversions = "conversions";
}

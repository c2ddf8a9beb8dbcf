namespace CartRecovery.Contracts;

public static class CartJourneyOutcomes
{
    /// <summary>The order followed a recovery email.</summary>
    public const string Recovered = "recovered";
    /// <summary>The order came before any email: nothing to credit to the journey.</summary>
    public const string Converted = "converted";
    public const string Emptied = "emptied";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";
}

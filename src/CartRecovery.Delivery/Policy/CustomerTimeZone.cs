namespace CartRecovery.Delivery.Policy;

internal static class CustomerTimeZone
{
    /// <summary>The customer's zone, or the default one when the id is missing or unknown to this machine.</summary>
    public static TimeZoneInfo Resolve(string? customerTimeZone, string defaultTimeZone, out bool usedDefault)
    {
        if (!string.IsNullOrWhiteSpace(customerTimeZone)
            && TimeZoneInfo.TryFindSystemTimeZoneById(customerTimeZone, out var zone))
        {
            usedDefault = false;
            return zone;
        }

        usedDefault = true;
        return TimeZoneInfo.TryFindSystemTimeZoneById(defaultTimeZone, out var fallback) ? fallback : TimeZoneInfo.Utc;
    }
}

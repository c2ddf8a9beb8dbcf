namespace CartRecovery.Delivery.Tests.Support;

internal static class Moments
{
    /// <summary>13:00 in Berlin, 08:00 in New York: outside the default quiet hours in both.</summary>
    public static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}

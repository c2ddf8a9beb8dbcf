using System.Globalization;

namespace CartRecovery.Delivery.Policy;

/// <summary>Formats the numbers behind a decision the same way on every machine, whatever its culture.</summary>
internal static class DecisionValues
{
    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    public static string Of(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string Of(TimeOnly value) => value.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Of(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    public static string Of(bool value) => value ? "true" : "false";
}

using System.Globalization;

namespace CartRecovery.Delivery.Templates;

public static class EmailCulture
{
    /// <summary>The specific culture for a BCP-47 tag, or the invariant culture when the tag is missing or unknown.</summary>
    public static CultureInfo Resolve(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
            return culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(culture.Name) : culture;
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}

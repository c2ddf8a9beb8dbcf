using System.Globalization;

namespace CartRecovery.Delivery.Templates;

public static class MoneyFormatter
{
    /// <summary>Joins amount and symbol so a line never breaks between them. ICU versions disagree on which space
    /// they use, so every space is normalised to this one.</summary>
    public const char Space = '\u00A0';

    /// <summary>Formats an amount the way the culture writes its own currency ("1.234,50 €" for de-DE and EUR,
    /// "$1,234.50" for en-US and USD). A currency foreign to the culture, or the invariant culture, gets the
    /// culture's number format and the ISO code ("1.234,50 USD"), because a bare "$" would be ambiguous.</summary>
    public static string Format(decimal amount, string? currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var code = currency?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code) && CurrencyOf(culture) == code)
        {
            return NormaliseSpaces(amount.ToString("C", culture));
        }

        var digits = culture.NumberFormat.CurrencyDecimalDigits;
        var number = amount.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), culture);
        return NormaliseSpaces(string.IsNullOrEmpty(code) ? number : $"{number} {code}");
    }

    private static string NormaliseSpaces(string text) => text.Replace(' ', Space).Replace('\u202F', Space);

    private static string? CurrencyOf(CultureInfo culture)
    {
        if (culture.IsNeutralCulture || culture.Name.Length == 0)
        {
            return null;
        }

        try
        {
            return new RegionInfo(culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

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

    /// <summary>The template language a culture asks for: its ISO 639-1 code, or the default for the invariant culture.</summary>
    public static string LanguageOf(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.Name.Length == 0 ? EmailLanguages.Default : culture.TwoLetterISOLanguageName;
    }

    /// <summary>The culture to format dates and money in when the email is written in <paramref name="language"/>:
    /// the customer's own when it speaks that language, else that language in the customer's region ("en-AT" for a
    /// French-speaking Austrian reading English), so a date never comes out in another language than its sentence.</summary>
    public static CultureInfo For(CultureInfo customer, string language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.Name.Length == 0 || LanguageOf(customer) == language)
        {
            return customer;
        }

        var region = customer.Name.Split('-')[^1];
        return Resolve($"{language}-{region}") is { Name.Length: > 0 } regional && regional.TwoLetterISOLanguageName == language
            ? regional
            : CultureInfo.InvariantCulture;
    }
}

using System.Text.RegularExpressions;

namespace CartRecovery.Delivery.Templates;

public static partial class EmailTemplatePath
{
    public const string FallbackJourney = "_fallback";
    public const string FallbackStep = "default";

    /// <summary>"Templates/{journey}/{stepName}.{language}.{part}.liquid", or null when a name could escape its folder.</summary>
    public static string? For(string journey, string stepName, string language, EmailTemplatePart part) =>
        SafeName().IsMatch(journey) && SafeName().IsMatch(stepName) && Language().IsMatch(language)
            ? $"Templates/{journey}/{stepName}.{language}.{part.ToString().ToLowerInvariant()}.liquid"
            : null;

    [GeneratedRegex("^[a-z0-9_][a-z0-9_-]{0,63}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex Language();
}

using System.Text.RegularExpressions;

namespace CartRecovery.Delivery.Templates;

public static partial class EmailTemplatePath
{
    public const string FallbackJourney = "_fallback";
    public const string FallbackStep = "default";

    /// <summary>"Templates/{journey}/{stepName}.{part}.liquid", or null when a name could escape its folder.</summary>
    public static string? For(string journey, string stepName, EmailTemplatePart part) =>
        SafeName().IsMatch(journey) && SafeName().IsMatch(stepName)
            ? $"Templates/{journey}/{stepName}.{part.ToString().ToLowerInvariant()}.liquid"
            : null;

    [GeneratedRegex("^[a-z0-9_][a-z0-9_-]{0,63}$")]
    private static partial Regex SafeName();
}

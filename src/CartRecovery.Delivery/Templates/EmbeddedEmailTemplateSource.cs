using System.Reflection;

namespace CartRecovery.Delivery.Templates;

/// <summary>Reads <c>Templates/{journey}/{stepName}.{language}.{subject|html|text}.liquid</c> embedded in this assembly.</summary>
public sealed class EmbeddedEmailTemplateSource : IEmailTemplateSource
{
    private static readonly Assembly Assembly = typeof(EmbeddedEmailTemplateSource).Assembly;
    private static readonly Dictionary<string, string> ResourceNames = Assembly.GetManifestResourceNames()
        .ToDictionary(name => name.Replace('\\', '/'), name => name, StringComparer.Ordinal);

    public string? Find(string journey, string stepName, string language, EmailTemplatePart part)
    {
        var path = EmailTemplatePath.For(journey, stepName, language, part);
        if (path is null || !ResourceNames.TryGetValue(path, out var resource))
        {
            return null;
        }

        using var stream = Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

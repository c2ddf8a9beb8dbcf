using CartRecovery.Delivery.Templates;

namespace CartRecovery.Delivery.Tests.Support;

/// <summary>Serves the embedded templates, except for the parts a test overrides.</summary>
internal sealed class InMemoryTemplateSource : IEmailTemplateSource
{
    private readonly EmbeddedEmailTemplateSource _embedded = new();
    private readonly Dictionary<(string, string, string, EmailTemplatePart), string?> _overrides = [];

    public InMemoryTemplateSource With(string journey, string stepName, EmailTemplatePart part, string? source,
        string language = EmailLanguages.Default)
    {
        _overrides[(journey, stepName, language, part)] = source;
        return this;
    }

    public string? Find(string journey, string stepName, string language, EmailTemplatePart part) =>
        _overrides.TryGetValue((journey, stepName, language, part), out var source)
            ? source
            : _embedded.Find(journey, stepName, language, part);
}

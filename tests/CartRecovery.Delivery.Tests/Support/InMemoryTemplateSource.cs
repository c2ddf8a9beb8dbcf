using CartRecovery.Delivery.Templates;

namespace CartRecovery.Delivery.Tests.Support;

/// <summary>Serves the embedded templates, except for the parts a test overrides.</summary>
internal sealed class InMemoryTemplateSource : IEmailTemplateSource
{
    private readonly EmbeddedEmailTemplateSource _embedded = new();
    private readonly Dictionary<(string, string, EmailTemplatePart), string?> _overrides = [];

    public InMemoryTemplateSource With(string journey, string stepName, EmailTemplatePart part, string? source)
    {
        _overrides[(journey, stepName, part)] = source;
        return this;
    }

    public string? Find(string journey, string stepName, EmailTemplatePart part) =>
        _overrides.TryGetValue((journey, stepName, part), out var source)
            ? source
            : _embedded.Find(journey, stepName, part);
}

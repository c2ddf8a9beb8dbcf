namespace CartRecovery.Delivery.Templates;

/// <summary>Where template text comes from: embedded resources by default, anything else in tests or later.</summary>
public interface IEmailTemplateSource
{
    /// <summary>The Liquid source of one part of a step's email in one language (ISO 639-1, e.g. "de"), or null
    /// when there is none.</summary>
    string? Find(string journey, string stepName, string language, EmailTemplatePart part);
}

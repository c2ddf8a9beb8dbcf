namespace CartRecovery.Delivery.Templates;

/// <summary>Where template text comes from: embedded resources by default, anything else in tests or later.</summary>
public interface IEmailTemplateSource
{
    /// <summary>The Liquid source of one part of a step's email, or null when there is none.</summary>
    string? Find(string journey, string stepName, EmailTemplatePart part);
}

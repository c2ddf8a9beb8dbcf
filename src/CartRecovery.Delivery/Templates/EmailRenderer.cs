using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace CartRecovery.Delivery.Templates;

/// <summary>Renders a journey step's email with Fluid (Liquid). Templates are parsed once and cached. The
/// customer's locale picks the language: its templates when the step has them, else English, and dates and money
/// follow the language the email is written in. When the step's templates are missing or fail, the generic
/// <c>_fallback</c> set is rendered instead; when that fails too, <see cref="EmailTemplateException"/> is thrown,
/// so a half-rendered email never leaves this class. Thread-safe: register it as a singleton.</summary>
public sealed partial class EmailRenderer
{
    // Encodes markup characters only: letters like ä and € stay readable in the HTML source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly IEmailTemplateSource _source;
    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new() { StrictFilters = true, Undefined = NilOrMisspelt };
    private readonly ConcurrentDictionary<string, Lazy<EmailTemplateSet>> _templates = new(StringComparer.Ordinal);

    public EmailRenderer(IEmailTemplateSource? source = null)
    {
        _source = source ?? new EmbeddedEmailTemplateSource();
        EmailTemplateFilters.Register(_options.Filters);
    }

    public RenderedEmail Render(string journey, string stepName, EmailModel model)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(stepName);
        ArgumentNullException.ThrowIfNull(model);

        var culture = EmailCulture.Resolve(model.Locale);
        string reason;
        try
        {
            return RenderWith(Templates(journey, stepName, culture), culture, model, fallbackReason: null);
        }
        catch (Exception ex) when (IsTemplateFailure(ex))
        {
            reason = $"{journey}/{stepName}: {ex.Message}";
        }

        try
        {
            return RenderWith(Templates(EmailTemplatePath.FallbackJourney, EmailTemplatePath.FallbackStep, culture), culture, model, reason);
        }
        catch (Exception ex) when (IsTemplateFailure(ex))
        {
            throw new EmailTemplateException($"The fallback template failed too ({ex.Message}) after {reason}", ex);
        }
    }

    private RenderedEmail RenderWith(EmailTemplateSet templates, CultureInfo culture, EmailModel model, string? fallbackReason)
    {
        var context = new TemplateContext(_options) { CultureInfo = EmailCulture.For(culture, templates.Language) };
        if (model.TimeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(model.TimeZone, out var zone))
        {
            context.AmbientValues[EmailTemplateFilters.TimeZoneKey] = zone;
        }

        EmailModelValues.CopyTo(model, context);

        // Subjects are a header, not HTML: no encoding, and no line breaks that could start a new header.
        var subject = Whitespace().Replace(templates.Subject.Render(context, NullEncoder.Default, true), " ").Trim();
        var html = templates.Html.Render(context, Html, true);
        var text = templates.Text.Render(context, NullEncoder.Default, true);
        if (subject.Length == 0 || string.IsNullOrWhiteSpace(html) || string.IsNullOrWhiteSpace(text))
        {
            throw new EmailTemplateException("The template rendered an empty subject, HTML or text part.");
        }

        return new RenderedEmail(subject, html, text, fallbackReason is not null, fallbackReason, templates.Language);
    }

    private EmailTemplateSet Templates(string journey, string stepName, CultureInfo culture)
    {
        var wanted = EmailCulture.LanguageOf(culture);
        return _templates.GetOrAdd($"{journey}/{stepName}/{wanted}",
            _ => new Lazy<EmailTemplateSet>(() => Parse(journey, stepName, LanguageFor(journey, stepName, wanted)))).Value;
    }

    /// <summary>The customer's language when the step is written in it (its subject exists), else the default.</summary>
    private string LanguageFor(string journey, string stepName, string wanted) =>
        _source.Find(journey, stepName, wanted, EmailTemplatePart.Subject) is not null ? wanted : EmailLanguages.Default;

    private EmailTemplateSet Parse(string journey, string stepName, string language) =>
        new(Parse(journey, stepName, language, EmailTemplatePart.Subject),
            Parse(journey, stepName, language, EmailTemplatePart.Html),
            Parse(journey, stepName, language, EmailTemplatePart.Text),
            language);

    private IFluidTemplate Parse(string journey, string stepName, string language, EmailTemplatePart part)
    {
        var source = _source.Find(journey, stepName, language, part)
            ?? throw new EmailTemplateException($"There is no {part.ToString().ToLowerInvariant()} template in '{language}'.");
        return _parser.TryParse(source, out var template, out var error)
            ? template
            : throw new EmailTemplateException($"The {part.ToString().ToLowerInvariant()} template does not parse: {error}");
    }

    // A known value the model leaves empty is nil, so templates fall back with `default`; any other name is a typo.
    private static ValueTask<FluidValue> NilOrMisspelt(string name) => EmailModelValues.IsKnown(name)
        ? new ValueTask<FluidValue>(NilValue.Instance)
        : throw new EmailTemplateException($"The template uses '{name}', which no email model has.");

    // Template authors can make Fluid throw almost anything; none of it may escape as a half-sent email.
    private static bool IsTemplateFailure(Exception ex) =>
        ex is not (OutOfMemoryException or StackOverflowException or OperationCanceledException);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Text;
using System.Text.RegularExpressions;
using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Templates;
using CartRecovery.Journeys;

namespace CartRecovery.Delivery.Tests.Templates.Samples;

/// <summary>docs/emails.md: the text part of every step's sample, as the templates render it today.</summary>
internal static partial class EmailSamplesDocument
{
    public const string RelativePath = "docs/emails.md";
    public const string UpdateVariable = "UPDATE_EMAIL_SAMPLES";
    private const string GermanSampleStep = "discount";

    public static string Build()
    {
        var renderer = new EmailRenderer();
        var document = new StringBuilder();
        document.Append($"""
            # What the emails say

            The text part of every journey step's email, rendered from the templates in
            `src/CartRecovery.Delivery/Templates/<journey>/<step>.<language>.<part>.liquid` with the sample data of
            `tests/CartRecovery.Delivery.Tests/Templates/Samples/EmailSamples.cs`. Every step has English (`en`) and German
            (`de`) templates; the customer's profile locale picks one (English when there is none in that language), and
            dates and money are written in the same language. Each email also has an HTML part with the same content.

            Links are shown where they land. In a real email each one passes through the service's signed click
            tracking (`Delivery:Links:BaseUrl` + `/t/c/…`), which redirects to the shop: the cart page
            (`Delivery:Links:CartUrlTemplate`, here `{EmailSamples.CartUrlTemplate}`), the product's page, or the shop's
            home (`Delivery:Links:ShopUrl`, here `{EmailSamples.ShopHome}`). The carrier's tracking page is linked as the
            shop sent it; the unsubscribe link is the service's own.

            This file is generated: `{UpdateVariable}=1 dotnet test tests/CartRecovery.Delivery.Tests --filter
            FullyQualifiedName~The_email_samples_document` rewrites it, and that spec fails while it is out of date.

            """);

        foreach (var step in JourneyStepCatalogue.All)
        {
            Append(document, renderer, step, "en-GB");
        }

        Append(document, renderer, JourneyStepCatalogue.All.First(s => s.Name == GermanSampleStep), "de-DE");
        return document.ToString().ReplaceLineEndings("\n");
    }

    private static void Append(StringBuilder document, EmailRenderer renderer, JourneyStep step, string locale)
    {
        var email = renderer.Render(step.Journey, step.Name, EmailSamples.Model(step, locale));
        document.Append('\n')
            .Append($"## {step.Journey} / {step.Name} (step {step.Number}, {locale})\n\n")
            .Append($"Subject: **{email.Subject}**\n\n")
            .Append("```text\n")
            .Append(Readable(email.Text).TrimEnd())
            .Append("\n```\n");
    }

    /// <summary>Signed links are different on every render; their targets are what a reader needs.</summary>
    private static string Readable(string text) => TrackingLink().Replace(text, match =>
    {
        if (match.Groups["kind"].Value == "u")
        {
            return $"{EmailSamples.TrackingBase}u/…";
        }

        var check = EmailSamples.Signer.Check(match.Groups["token"].Value, EmailSamples.Now);
        return check.Status == LinkStatus.Valid && check.Token?.Target is { } target ? target.AbsoluteUri : match.Value;
    });

    [GeneratedRegex(@"https://mail\.shop\.example/(?<kind>t/c|u)/(?<token>[A-Za-z0-9_.\-]+)")]
    private static partial Regex TrackingLink();
}

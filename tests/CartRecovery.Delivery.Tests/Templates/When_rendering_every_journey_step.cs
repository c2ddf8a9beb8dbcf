using System.Text.RegularExpressions;
using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Templates;
using CartRecovery.Delivery.Tests.Templates.Samples;
using CartRecovery.Journeys;

namespace CartRecovery.Delivery.Tests.Templates;

public sealed partial class When_rendering_every_journey_step
{
    private const string Nbsp = "\u00A0";
    private readonly EmailRenderer _renderer = new();

    public static TheoryData<string, string, string, string, string> Expectations => new()
    {
        { "cart-abandonment", "recovery", "en-GB", "Anna, you left something in your cart", "you left these in your cart. They are still waiting for you:" },
        { "cart-abandonment", "recovery", "de-DE", "Jürgen, Sie haben etwas in Ihrem Warenkorb vergessen", "Sie haben diese Artikel in Ihrem Warenkorb gelassen." },
        { "cart-abandonment", "discount", "en-GB", "10% off for your cart, Anna", "Valid until Tuesday, 8 December 2026." },
        { "cart-abandonment", "discount", "de-DE", "10 % Rabatt auf Ihren Warenkorb, Jürgen", "Gültig bis Dienstag, 8. Dezember 2026." },
        { "cart-abandonment", "checkout", "en-GB", "Anna, your order is one step away", "you started checking out but did not finish." },
        { "cart-abandonment", "checkout", "de-DE", "Jürgen, Ihre Bestellung ist nur einen Schritt entfernt", "Sie haben mit der Bestellung begonnen, sie aber nicht abgeschlossen." },
        { "browse-abandonment", "browse", "en-GB", "Still thinking about Rain jacket?", $"you had a look at Rain jacket. It is still available, for 189.00{Nbsp}EUR." },
        { "browse-abandonment", "browse", "de-DE", "Noch unentschlossen: Rain jacket?", $"Der Artikel ist noch erhältlich, für 189,00{Nbsp}€." },
        { "post-purchase", "shipment", "en-GB", "Anna, your order is on its way", "Tracking number: 00340434161094042557" },
        { "post-purchase", "shipment", "de-DE", "Jürgen, Ihre Bestellung ist unterwegs", "Sendungsnummer: 00340434161094042557" },
        { "post-purchase", "review", "en-GB", "Anna, how do you like your order?", "A short review helps other customers choose" },
        { "post-purchase", "review", "de-DE", "Jürgen, wie gefällt Ihnen Ihre Bestellung?", "Eine kurze Bewertung hilft anderen bei der Wahl" },
        { "post-purchase", "cross-sell", "en-GB", "More in Shoes, Anna", "Since you liked Shoes, Socks, these may be for you too:" },
        { "post-purchase", "cross-sell", "de-DE", "Mehr aus Shoes, Jürgen", "Da Ihnen Shoes, Socks gefallen hat, könnte Ihnen auch das gefallen:" },
        { "inactivity", "re-engagement", "en-GB", "We miss you, Anna", "it has been a while since your last visit." },
        { "inactivity", "re-engagement", "de-DE", "Wir vermissen Sie, Jürgen", "Ihr letzter Besuch ist schon eine Weile her." },
        { "inactivity", "win-back", "en-GB", "15% off to welcome you back, Anna", "Valid until Tuesday, 8 December 2026. Enter it at checkout." },
        { "inactivity", "win-back", "de-DE", "15 % Rabatt zu Ihrer Rückkehr, Jürgen", "Gültig bis Dienstag, 8. Dezember 2026. Geben Sie ihn an der Kasse ein." },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Should_say_the_right_thing_for_the_moment(string journey, string stepName, string locale, string subject, string sentence)
    {
        var email = Render(journey, stepName, locale);
        Assert.False(email.UsedFallback, email.FallbackReason);
        Assert.Equal(subject, email.Subject);
        Assert.Contains(sentence, email.Text, StringComparison.Ordinal);
        Assert.Contains(sentence.Replace("Rain jacket", "<strong>Rain jacket</strong>", StringComparison.Ordinal).Split(':')[0]
            .Replace(Nbsp, "&#xA0;", StringComparison.Ordinal), email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Should_send_every_link_to_the_shop(string journey, string stepName, string locale, string subject, string sentence)
    {
        _ = (subject, sentence);
        var email = Render(journey, stepName, locale);
        var links = Links(email).ToList();
        Assert.NotEmpty(links);
        var landings = links.Select(link => Landing(link, journey, stepName)).ToList();
        Assert.Contains(landings, l => l.Host == EmailSamples.ShopHome.Host);
    }

    [Theory]
    [InlineData("recovery")]
    [InlineData("discount")]
    [InlineData("checkout")]
    public void Should_bring_a_cart_email_back_to_the_cart_page(string stepName)
    {
        var cartPage = new Uri(EmailSamples.CartUrlTemplate.Replace("{cartId}", EmailSamples.CartId.ToString("D"), StringComparison.Ordinal));
        foreach (var locale in EmailSamples.Locales)
        {
            var email = Render("cart-abandonment", stepName, locale);
            Assert.Contains(cartPage, Links(email).Select(link => Landing(link, "cart-abandonment", stepName)));
        }
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Should_write_the_whole_email_in_one_language(string journey, string stepName, string locale, string subject, string sentence)
    {
        _ = (subject, sentence);
        var email = Render(journey, stepName, locale);
        string[] foreign = locale.StartsWith("de", StringComparison.Ordinal)
            ? ["Hi ", "Valid until", "Your code", "Unsubscribe", "Total", "Tuesday", "December"]
            : ["Hallo", "Gültig", "Ihr Code", "Abmelden", "Summe", "Dienstag", "Dezember"];
        Assert.All(foreign, word =>
        {
            Assert.DoesNotContain(word, email.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(word, email.Html, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Should_write_in_english_with_english_dates_for_a_language_without_templates()
    {
        var step = JourneyStepCatalogue.All.Single(s => s.Name == "win-back");
        var email = _renderer.Render(step.Journey, step.Name, EmailSamples.Model(step, "fr-FR"));
        Assert.False(email.UsedFallback, email.FallbackReason);
        Assert.Equal("en", email.Language);
        Assert.Contains("Valid until Tuesday", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mardi", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_write_german_for_an_austrian_customer()
    {
        var step = JourneyStepCatalogue.All.Single(s => s.Name == "discount");
        var email = _renderer.Render(step.Journey, step.Name, EmailSamples.Model(step, "de-AT"));
        Assert.Equal("de", email.Language);
        Assert.Contains("Gültig bis Dienstag, 8. Dezember 2026.", email.Text, StringComparison.Ordinal);
    }

    private RenderedEmail Render(string journey, string stepName, string locale) =>
        _renderer.Render(journey, stepName, EmailSamples.Model(JourneyStepCatalogue.All.Single(s => s.Journey == journey && s.Name == stepName), locale));

    private static IEnumerable<string> Links(RenderedEmail email) =>
        TextLink().Matches(email.Text).Select(m => m.Value)
            .Concat(HtmlLink().Matches(email.Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value)));

    /// <summary>Where a link takes the customer; fails for any link that is relative or lands off the shop.</summary>
    private static Uri Landing(string link, string journey, string stepName)
    {
        Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var url), $"{journey}/{stepName}: '{link}' is not absolute.");
        var path = url.AbsolutePath;
        if (url.Host == EmailSamples.TrackingBase.Host && path.StartsWith("/u/", StringComparison.Ordinal))
        {
            return url;
        }

        if (url == EmailSamples.CarrierPage && stepName == "shipment")
        {
            return url;
        }

        Assert.True(url.Host == EmailSamples.TrackingBase.Host && path.StartsWith("/t/c/", StringComparison.Ordinal),
            $"{journey}/{stepName}: '{link}' is neither click-tracked nor the unsubscribe link.");
        var check = EmailSamples.Signer.Check(path["/t/c/".Length..], EmailSamples.Now);
        Assert.Equal(LinkStatus.Valid, check.Status);
        var target = check.Token!.Target!;
        Assert.Equal(EmailSamples.ShopHome.Host, target.Host);
        return target;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex TextLink();

    [GeneratedRegex(@"href=""(?<url>[^""]*)""")]
    private static partial Regex HtmlLink();
}

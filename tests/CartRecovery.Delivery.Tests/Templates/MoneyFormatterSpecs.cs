using System.Globalization;
using CartRecovery.Delivery.Templates;

namespace CartRecovery.Delivery.Tests.Templates;

public sealed class MoneyFormatterSpecs
{
    private static string Format(decimal amount, string? currency, string? locale) =>
        MoneyFormatter.Format(amount, currency, EmailCulture.Resolve(locale));

    [Fact]
    public void Should_format_euros_the_german_way() => Assert.Equal("1.234,50\u00A0€", Format(1234.5m, "EUR", "de-DE"));

    [Fact]
    public void Should_format_dollars_the_american_way() => Assert.Equal("$1,234.50", Format(1234.5m, "USD", "en-US"));

    [Fact]
    public void Should_use_the_iso_code_for_a_currency_foreign_to_the_locale() => Assert.Equal("1.234,50\u00A0USD", Format(1234.5m, "USD", "de-DE"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a locale")]
    [InlineData("xx-YY")]
    public void Should_fall_back_to_invariant_with_the_iso_code_for_an_unknown_locale(string? locale) =>
        Assert.Equal("1,234.50\u00A0EUR", Format(1234.5m, "EUR", locale));

    [Fact]
    public void Should_resolve_a_neutral_locale_to_a_specific_one() => Assert.Equal("de-DE", EmailCulture.Resolve("de").Name);

    [Fact]
    public void Should_resolve_missing_locales_to_the_invariant_culture() =>
        Assert.Same(CultureInfo.InvariantCulture, EmailCulture.Resolve(null));
}

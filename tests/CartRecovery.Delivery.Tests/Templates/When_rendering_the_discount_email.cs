using CartRecovery.Contracts;
using CartRecovery.Delivery.Templates;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Templates;

public sealed class When_rendering_the_discount_email
{
    private readonly EmailRenderer _renderer = new();

    private static EmailModel WithDiscount(string locale) => Emails.Model(locale: locale) with
    {
        DiscountCode = "CR-7K3Q9-MX2PD",
        DiscountPercent = 10,
        DiscountExpiresAt = new DateTimeOffset(2026, 3, 31, 21, 59, 0, TimeSpan.Zero),
        TimeZone = "Europe/Berlin",
    };

    [Fact]
    public void Should_show_the_code_and_percentage()
    {
        var email = _renderer.Render(JourneyNames.CartAbandonment, "discount", WithDiscount("en-US"));
        Assert.False(email.UsedFallback);
        Assert.Contains("CR-7K3Q9-MX2PD", email.Html, StringComparison.Ordinal);
        Assert.Equal("10% off for your cart, Anna", email.Subject);
    }

    [Fact]
    public void Should_keep_the_subject_personal_without_a_first_name() =>
        Assert.Equal("10% off for your cart, just for you",
            _renderer.Render(JourneyNames.CartAbandonment, "discount", WithDiscount("en-US") with { FirstName = null }).Subject);

    [Fact]
    public void Should_format_the_expiry_date_for_the_locale()
    {
        Assert.Contains("Dienstag, 31. März 2026", _renderer.Render(JourneyNames.CartAbandonment, "discount", WithDiscount("de-DE")).Text, StringComparison.Ordinal);
        Assert.Contains("Tuesday, March 31, 2026", _renderer.Render(JourneyNames.CartAbandonment, "discount", WithDiscount("en-US")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_show_the_expiry_in_the_customers_time_zone()
    {
        var model = WithDiscount("en-US") with { DiscountExpiresAt = new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero) };
        Assert.Contains("Wednesday, April 1, 2026", _renderer.Render(JourneyNames.CartAbandonment, "discount", model).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_fall_back_rather_than_send_a_discount_email_without_a_code()
    {
        var email = _renderer.Render(JourneyNames.CartAbandonment, "discount", WithDiscount("de-DE") with { DiscountCode = null });
        Assert.True(email.UsedFallback);
        Assert.Contains("discount_code", email.FallbackReason, StringComparison.Ordinal);
    }
}

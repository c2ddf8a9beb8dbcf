using CartRecovery.Contracts;
using CartRecovery.Delivery.Templates;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Templates;

public sealed class When_rendering_the_recovery_email
{
    private readonly EmailRenderer _renderer = new();

    private RenderedEmail Render(EmailModel model) => _renderer.Render(JourneyNames.CartAbandonment, "recovery", model);

    [Fact]
    public void Should_use_the_step_template_with_a_subject()
    {
        var email = Render(Emails.Model());
        Assert.False(email.UsedFallback);
        Assert.Null(email.FallbackReason);
        Assert.Equal("Anna, you left something in your cart", email.Subject);
    }

    [Fact]
    public void Should_greet_with_a_fallback_when_there_is_no_first_name()
    {
        var email = Render(Emails.Model(firstName: null));
        Assert.Contains("Hi there,", email.Html, StringComparison.Ordinal);
        Assert.Contains("Hi there,", email.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hey,", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_greet_by_first_name_when_known()
    {
        Assert.Contains("Hi Anna,", Render(Emails.Model()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_every_product_with_its_signed_link()
    {
        var model = Emails.Model() with
        {
            Products = [Emails.Product("Trail shoes"), Emails.Product("Rain jacket"), Emails.Product("Wool socks")],
        };
        var email = Render(model);
        Assert.All(model.Products, p =>
        {
            Assert.Contains(p.Name, email.Html, StringComparison.Ordinal);
            Assert.Contains(p.Name, email.Text, StringComparison.Ordinal);
            Assert.Contains(p.ClickUrl.AbsoluteUri, email.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Should_format_money_for_a_german_customer()
    {
        var email = Render(Emails.Model(locale: "de-DE", currency: "EUR"));
        Assert.Contains("1 x 1.234,50\u00A0€", email.Text, StringComparison.Ordinal);
        Assert.Contains("Summe: 1.324,40\u00A0€", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_format_money_for_an_american_customer()
    {
        var model = Emails.Model(locale: "en-US", currency: "USD") with
        {
            Products = [Emails.Product("Trail shoes", currency: "USD")],
        };
        Assert.Contains("1 x $1,234.50", Render(model).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_html_encode_values_in_the_html_part_only()
    {
        var model = Emails.Model() with { Products = [Emails.Product("<script>alert(1)</script>")] };
        var email = Render(model);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_non_ascii_letters_readable_in_the_html()
    {
        var email = Render(Emails.Model(firstName: "Jürgen", locale: "de-DE"));
        Assert.Contains("Hallo Jürgen,", email.Html, StringComparison.Ordinal);
        Assert.Contains("1.234,50&#xA0;€", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_include_the_unsubscribe_link_and_open_pixel()
    {
        var email = Render(Emails.Model());
        Assert.Contains("https://mail.example.com/u/token", email.Html, StringComparison.Ordinal);
        Assert.Contains("https://mail.example.com/t/o/token", email.Html, StringComparison.Ordinal);
        Assert.Contains("https://mail.example.com/u/token", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_fall_back_when_the_cart_has_no_products()
    {
        var email = Render(Emails.Model() with { Products = [] });
        Assert.True(email.UsedFallback);
        Assert.Contains("products", email.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_depend_on_the_machines_culture()
    {
        var expected = Render(Emails.Model());
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal(expected, new EmailRenderer().Render(JourneyNames.CartAbandonment, "recovery", Emails.Model()));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}

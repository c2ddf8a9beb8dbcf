using CartRecovery.Contracts;
using CartRecovery.Delivery.Templates;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Templates;

public sealed class When_a_template_is_broken
{
    private static RenderedEmail RenderRecoveryWith(EmailTemplatePart part, string? source) =>
        new EmailRenderer(new InMemoryTemplateSource().With(JourneyNames.CartAbandonment, "recovery", part, source))
            .Render(JourneyNames.CartAbandonment, "recovery", Emails.Model(firstName: null));

    [Fact]
    public void Should_render_the_fallback_when_the_template_does_not_parse()
    {
        var email = RenderRecoveryWith(EmailTemplatePart.Html, "{% for product in products %}<p>{{ product.name }</p>");
        Assert.True(email.UsedFallback);
        Assert.Contains("does not parse", email.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("Hi there,", email.Html, StringComparison.Ordinal);
        Assert.Contains("Trail shoes", email.Html, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
    }

    [Fact]
    public void Should_render_the_fallback_when_a_part_is_missing()
    {
        var email = RenderRecoveryWith(EmailTemplatePart.Text, null);
        Assert.True(email.UsedFallback);
        Assert.Contains("no text template", email.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_render_the_fallback_when_a_variable_is_misspelt()
    {
        Assert.True(RenderRecoveryWith(EmailTemplatePart.Subject, "Hi {{ frist_name }}").UsedFallback);
    }

    [Fact]
    public void Should_render_the_fallback_when_a_filter_is_unknown()
    {
        Assert.True(RenderRecoveryWith(EmailTemplatePart.Text, "{{ cart_value | monee }}").UsedFallback);
    }

    [Fact]
    public void Should_render_the_fallback_when_the_subject_comes_out_empty()
    {
        Assert.True(RenderRecoveryWith(EmailTemplatePart.Subject, "{{ first_name }}").UsedFallback);
    }

    [Fact]
    public void Should_render_the_fallback_for_a_step_without_templates()
    {
        var email = new EmailRenderer().Render(JourneyNames.Inactivity, "no-such-step", Emails.Model());
        Assert.True(email.UsedFallback);
        Assert.Equal("Anna, we picked something out for you", email.Subject);
    }

    [Fact]
    public void Should_render_the_fallback_in_the_customers_language()
    {
        var email = new EmailRenderer().Render(JourneyNames.Inactivity, "no-such-step", Emails.Model(locale: "de-DE"));
        Assert.True(email.UsedFallback);
        Assert.Equal("de", email.Language);
        Assert.Equal("Anna, wir haben etwas für Sie ausgesucht", email.Subject);
    }

    [Fact]
    public void Should_throw_rather_than_return_half_an_email_when_the_fallback_fails_too()
    {
        var source = new InMemoryTemplateSource()
            .With(JourneyNames.CartAbandonment, "recovery", EmailTemplatePart.Html, "{% if %}")
            .With(EmailTemplatePath.FallbackJourney, EmailTemplatePath.FallbackStep, EmailTemplatePart.Html, "{{ nope | nope }}");
        var renderer = new EmailRenderer(source);
        var error = Assert.Throws<EmailTemplateException>(() => renderer.Render(JourneyNames.CartAbandonment, "recovery", Emails.Model()));
        Assert.Contains("fallback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_journey_names_that_could_leave_the_template_folder()
    {
        Assert.True(new EmailRenderer().Render("../cart-abandonment", "recovery", Emails.Model()).UsedFallback);
    }
}

using System.Reflection;
using CartRecovery.Delivery.Templates;
using CartRecovery.Delivery.Tests.Templates.Samples;
using CartRecovery.Journeys;

namespace CartRecovery.Delivery.Tests.Templates;

/// <summary>A step without templates of its own would go out with the generic fallback; these fail first.</summary>
public sealed class Every_journey_step_has_its_own_templates
{
    private readonly EmailRenderer _renderer = new();

    public static TheoryData<string, string, string> StepsAndLocales()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var step in JourneyStepCatalogue.All)
        {
            foreach (var locale in EmailSamples.Locales)
            {
                data.Add(step.Journey, step.Name, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StepsAndLocales))]
    public void Should_render_the_steps_own_template_in_the_customers_language(string journey, string stepName, string locale)
    {
        var step = JourneyStepCatalogue.All.Single(s => s.Journey == journey && s.Name == stepName);
        var email = _renderer.Render(journey, stepName, EmailSamples.Model(step, locale));
        Assert.False(email.UsedFallback, $"{journey}/{stepName} in {locale} fell back: {email.FallbackReason}");
        Assert.Equal(locale[..2], email.Language);
    }

    [Fact]
    public void Should_list_every_step_the_journeys_declare()
    {
        // Each journey names its steps as "…Name" constants in its "…Steps" class; the catalogue must hold them all.
        var declared = typeof(JourneyStepCatalogue).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Steps", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Name", StringComparison.Ordinal))
                .Select(f => $"{t.Name}.{f.Name} = {f.GetRawConstantValue()}"))
            .ToList();
        var catalogued = JourneyStepCatalogue.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(declared);
        Assert.All(declared, d => Assert.Contains(d.Split(" = ")[1], catalogued));
    }

    [Fact]
    public void Should_include_the_checkout_step() =>
        Assert.Contains(JourneyStepCatalogue.All, s => s is { Journey: "cart-abandonment", Number: 3, Name: "checkout" });
}

using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Tests.Validation;

public sealed class When_options_are_invalid
{
    private static IServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddJourneyServices()
            .BuildServiceProvider();

    [Fact]
    public void Should_fail_naming_the_full_configuration_key()
    {
        var provider = Build(new() { ["Journeys:CartAbandonment:IdleTimeout"] = "-00:05:00" });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CartAbandonmentOptions>>().Value);
        Assert.Contains("Journeys:CartAbandonment:IdleTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_vip_discount_smaller_than_the_standard_one()
    {
        var provider = Build(new()
        {
            ["Journeys:CartAbandonment:StandardDiscountPercent"] = "15",
            ["Journeys:CartAbandonment:VipDiscountPercent"] = "10",
        });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CartAbandonmentOptions>>().Value);
        Assert.Contains("Journeys:CartAbandonment:VipDiscountPercent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_bind_shortened_delays_for_tests_and_demos()
    {
        var provider = Build(new() { ["Journeys:CartAbandonment:IdleTimeout"] = "00:00:02" });
        Assert.Equal(TimeSpan.FromSeconds(2), provider.GetRequiredService<IOptions<CartAbandonmentOptions>>().Value.IdleTimeout);
    }

    [Fact]
    public void Should_refuse_an_expiry_shorter_than_the_journey()
    {
        var provider = Build(new() { ["Journeys:CartAbandonment:Expiry"] = "1.00:00:00" });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CartAbandonmentOptions>>().Value);
        Assert.Contains("Journeys:CartAbandonment:Expiry", error.Message, StringComparison.Ordinal);
    }
}

using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.PostPurchase;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Tests.Inactivity;

public sealed class When_more_journey_options_are_bound
{
    private static IServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddJourneyServices()
            .BuildServiceProvider();

    [Fact]
    public void Should_default_to_the_documented_thresholds()
    {
        var provider = Build([]);
        var browse = provider.GetRequiredService<IOptions<BrowseAbandonmentOptions>>().Value;
        var purchase = provider.GetRequiredService<IOptions<PostPurchaseOptions>>().Value;
        var inactivity = provider.GetRequiredService<IOptions<InactivityOptions>>().Value;
        Assert.Equal((3, TimeSpan.FromHours(1), TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), TimeSpan.FromDays(7)),
            (browse.MinViews, browse.ViewWindow, browse.LongViewThreshold, browse.QuietPeriod, browse.EmailCooldown));
        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(30)),
            (purchase.ReviewDelay, purchase.ReviewFallback, purchase.CrossSellDelay));
        Assert.Equal((TimeSpan.FromDays(30), TimeSpan.FromDays(14), TimeSpan.FromDays(30), 15),
            (inactivity.InactiveAfter, inactivity.WinBackDelay, inactivity.SunsetDelay, inactivity.WinBackDiscountPercent));
    }

    [Fact]
    public void Should_bind_shortened_delays_for_tests_and_demos()
    {
        var provider = Build(new()
        {
            ["Journeys:BrowseAbandonment:QuietPeriod"] = "00:00:05",
            ["Journeys:PostPurchase:ReviewDelay"] = "00:00:10",
            ["Journeys:Inactivity:InactiveAfter"] = "00:01:00",
        });
        Assert.Equal(TimeSpan.FromSeconds(5), provider.GetRequiredService<IOptions<BrowseAbandonmentOptions>>().Value.QuietPeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), provider.GetRequiredService<IOptions<PostPurchaseOptions>>().Value.ReviewDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), provider.GetRequiredService<IOptions<InactivityOptions>>().Value.InactiveAfter);
    }

    [Theory]
    [InlineData("Journeys:BrowseAbandonment:MinViews", "0")]
    [InlineData("Journeys:BrowseAbandonment:EmailCooldown", "00:30:00")]
    [InlineData("Journeys:PostPurchase:CrossSellDelay", "-1.00:00:00")]
    [InlineData("Journeys:Inactivity:WinBackDiscountPercent", "95")]
    public void Should_fail_naming_the_full_configuration_key(string key, string value)
    {
        var provider = Build(new() { [key] = value });
        var error = Record.Exception(() =>
        {
            _ = provider.GetRequiredService<IOptions<BrowseAbandonmentOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<PostPurchaseOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<InactivityOptions>>().Value;
        });
        var invalid = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(key, invalid.Message, StringComparison.Ordinal);
    }
}

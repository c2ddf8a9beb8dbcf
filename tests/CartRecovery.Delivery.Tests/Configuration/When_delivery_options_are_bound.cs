using CartRecovery.Contracts;
using CartRecovery.Delivery.Discounts;
using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Profiles;
using CartRecovery.Delivery.Tests.Support;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Tests.Configuration;

public sealed class When_delivery_options_are_bound
{
    private static ContactPolicyOptions BindPolicy(Dictionary<string, string?> settings) =>
        OptionsBinding.Bind<ContactPolicyOptions, ContactPolicyOptionsValidator>(ContactPolicyOptions.SectionName, settings);

    private static string ErrorOf(Action bind) => Assert.Throws<OptionsValidationException>(bind).Message;

    [Fact]
    public void Should_use_the_agreed_section_names()
    {
        Assert.Equal("Delivery:ContactPolicy", ContactPolicyOptions.SectionName);
        Assert.Equal("Delivery:Segments", SegmentOptions.SectionName);
        Assert.Equal("Delivery:Links", LinkSigningOptions.SectionName);
        Assert.Equal("Delivery:Discounts", DiscountCodeOptions.SectionName);
    }

    [Fact]
    public void Should_have_valid_defaults_for_the_policy_and_segments()
    {
        Assert.True(new ContactPolicyOptionsValidator().Validate(new ContactPolicyOptions()).IsValid);
        Assert.True(new SegmentOptionsValidator().Validate(new SegmentOptions()).IsValid);
    }

    [Fact]
    public void Should_bind_quiet_hours_and_keep_default_cooldowns_when_adding_one()
    {
        var options = BindPolicy(new()
        {
            ["Delivery:ContactPolicy:QuietHoursStart"] = "22:30",
            ["Delivery:ContactPolicy:Cooldowns:browse-abandonment"] = "1.00:00:00",
            ["Delivery:ContactPolicy:HoldoutPercent:cart-abandonment"] = "10",
        });
        Assert.Equal(new TimeOnly(22, 30), options.QuietHoursStart);
        Assert.Equal(TimeSpan.FromHours(48), options.Cooldowns[JourneyNames.CartAbandonment]);
        Assert.Equal(TimeSpan.FromDays(1), options.Cooldowns[JourneyNames.BrowseAbandonment]);
        Assert.Equal(10, options.HoldoutPercent[JourneyNames.CartAbandonment]);
    }

    [Fact]
    public void Should_refuse_a_holdout_over_half_naming_the_key() =>
        Assert.Contains("Delivery:ContactPolicy:HoldoutPercent:cart-abandonment",
            ErrorOf(() => BindPolicy(new() { ["Delivery:ContactPolicy:HoldoutPercent:cart-abandonment"] = "60" })), StringComparison.Ordinal);

    [Fact]
    public void Should_refuse_an_unknown_journey_name() =>
        Assert.Contains("cart_abandonment",
            ErrorOf(() => BindPolicy(new() { ["Delivery:ContactPolicy:Cooldowns:cart_abandonment"] = "02:00:00" })), StringComparison.Ordinal);

    [Fact]
    public void Should_refuse_an_unknown_default_time_zone() =>
        Assert.Contains("DefaultTimeZone",
            ErrorOf(() => BindPolicy(new() { ["Delivery:ContactPolicy:DefaultTimeZone"] = "Europe/Atlantis" })), StringComparison.Ordinal);

    [Theory]
    [InlineData("MaxMarketingEmails", "0")]
    [InlineData("Window", "00:00:00")]
    [InlineData("DeferralExpiry", "-01:00:00")]
    [InlineData("SettleWindow", "-00:00:01")]
    public void Should_name_the_property_in_the_message(string property, string value)
    {
        var error = ErrorOf(() => BindPolicy(new() { [$"Delivery:ContactPolicy:{property}"] = value }));
        Assert.Contains($"Delivery:ContactPolicy:{property}: '{property}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_hold_emails_two_minutes_by_default_and_bind_another_settle_window()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), new ContactPolicyOptions().SettleWindow);
        Assert.Equal(TimeSpan.Zero, BindPolicy(new() { ["Delivery:ContactPolicy:SettleWindow"] = "00:00:00" }).SettleWindow);
    }

    [Fact]
    public void Should_refuse_a_short_link_secret_and_a_relative_base_url()
    {
        var error = ErrorOf(() => OptionsBinding.Bind<LinkSigningOptions, LinkSigningOptionsValidator>(LinkSigningOptions.SectionName, new()
        {
            ["Delivery:Links:Secret"] = "too-short",
            ["Delivery:Links:BaseUrl"] = "/relative",
        }));
        Assert.Contains("Delivery:Links:Secret", error, StringComparison.Ordinal);
        Assert.Contains("Delivery:Links:BaseUrl", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_bind_valid_link_options()
    {
        var options = OptionsBinding.Bind<LinkSigningOptions, LinkSigningOptionsValidator>(LinkSigningOptions.SectionName, new()
        {
            ["Delivery:Links:Secret"] = new string('s', 32),
            ["Delivery:Links:BaseUrl"] = "https://mail.example.com",
            ["Delivery:Links:ShopUrl"] = "https://shop.example.com",
            ["Delivery:Links:CartUrlTemplate"] = "https://shop.example.com/cart/{cartId}",
        });
        Assert.Equal(TimeSpan.FromDays(90), options.TokenLifetime);
        Assert.Equal("https://shop.example.com/cart/{cartId}", options.CartUrlTemplate);
    }

    [Fact]
    public void Should_refuse_to_start_without_the_shops_address() =>
        Assert.Contains("Delivery:Links:ShopUrl", ErrorOf(() => BindLinks(new(), withShop: false)), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://shop.example.com/cart", "containing {cartId}")]
    [InlineData("/cart/{cartId}", "absolute http or https")]
    [InlineData("ftp://shop.example.com/cart/{cartId}", "absolute http or https")]
    [InlineData("https://elsewhere.example.org/cart/{cartId}", "one of the shop's hosts")]
    public void Should_refuse_a_cart_url_template_that_cannot_land_on_the_cart(string template, string expected)
    {
        var error = ErrorOf(() => BindLinks(new() { ["Delivery:Links:CartUrlTemplate"] = template }));
        Assert.Contains("Delivery:Links:CartUrlTemplate", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_accept_a_cart_url_template_on_an_allowed_redirect_host() =>
        Assert.Equal("https://cart.example.com/{cartId}", BindLinks(new()
        {
            ["Delivery:Links:ShopUrl"] = "https://shop.example.com",
            ["Delivery:Links:AllowedRedirectHosts:0"] = "shop.example.com",
            ["Delivery:Links:AllowedRedirectHosts:1"] = "cart.example.com",
            ["Delivery:Links:CartUrlTemplate"] = "https://cart.example.com/{cartId}",
        }).CartUrlTemplate);

    private static LinkSigningOptions BindLinks(Dictionary<string, string?> settings, bool withShop = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["Delivery:Links:Secret"] = new string('s', 32),
            ["Delivery:Links:BaseUrl"] = "https://mail.example.com",
            ["Delivery:Links:ShopUrl"] = withShop ? "https://shop.example.com" : null,
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return OptionsBinding.Bind<LinkSigningOptions, LinkSigningOptionsValidator>(LinkSigningOptions.SectionName, values);
    }

    [Fact]
    public void Should_refuse_a_missing_discount_secret() =>
        Assert.Contains("Delivery:Discounts:Secret",
            ErrorOf(() => OptionsBinding.Bind<DiscountCodeOptions, DiscountCodeOptionsValidator>(DiscountCodeOptions.SectionName, new())),
            StringComparison.Ordinal);

    [Fact]
    public void Should_refuse_segment_thresholds_below_their_minimum() =>
        Assert.Contains("Delivery:Segments:VipMinOrders",
            ErrorOf(() => OptionsBinding.Bind<SegmentOptions, SegmentOptionsValidator>(SegmentOptions.SectionName, new()
            {
                ["Delivery:Segments:VipMinOrders"] = "0",
            })),
            StringComparison.Ordinal);
}

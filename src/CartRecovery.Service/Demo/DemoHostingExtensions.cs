namespace CartRecovery.Service.Demo;

public static class DemoHostingExtensions
{
    /// <summary>With <c>--demo</c>: shopper traffic for all four journeys, and delays short enough to watch each
    /// one within a few minutes.</summary>
    public static IHostApplicationBuilder AddDemoTrafficWhenAsked(this IHostApplicationBuilder builder, string[] args)
    {
        if (!args.Contains("--demo"))
        {
            return builder;
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Journeys:CartAbandonment:IdleTimeout"] = "00:00:20",
            ["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:00:40",
            ["Journeys:CartAbandonment:Expiry"] = "01:00:00",
            ["Journeys:CartAbandonment:CheckoutIdleTimeout"] = "00:00:30",
            ["Delivery:ContactPolicy:SettleWindow"] = "00:00:05",
            ["Journeys:BrowseAbandonment:QuietPeriod"] = "00:00:30",
            ["Journeys:BrowseAbandonment:ViewWindow"] = "00:10:00",
            ["Journeys:BrowseAbandonment:EmailCooldown"] = "00:30:00",
            ["Journeys:PostPurchase:ReviewDelay"] = "00:00:45",
            ["Journeys:PostPurchase:ReviewFallback"] = "00:02:00",
            ["Journeys:PostPurchase:CrossSellDelay"] = "00:01:30",
            ["Journeys:Inactivity:InactiveAfter"] = "00:02:00",
            ["Journeys:Inactivity:WinBackDelay"] = "00:01:00",
            ["Journeys:Inactivity:SunsetDelay"] = "00:02:00",
            ["Delivery:ContactPolicy:QuietHoursStart"] = "00:00",
            ["Delivery:ContactPolicy:QuietHoursEnd"] = "00:00",
            // A demo shopper meets every journey within minutes, up to seven emails; the real cap (3 a week) would
            // defer or drop the last ones, so the demo could never show the win-back email.
            ["Delivery:ContactPolicy:MaxMarketingEmails"] = "10",
            ["Delivery:Links:ShopUrl"] = DemoShop.Home,
            ["Delivery:Links:CartUrlTemplate"] = DemoShop.CartUrlTemplate,
            ["Logging:LogLevel:CartRecovery.Service.Demo"] = "Information",
        });
        builder.Services.AddHostedService<DemoTrafficService>();
        return builder;
    }
}

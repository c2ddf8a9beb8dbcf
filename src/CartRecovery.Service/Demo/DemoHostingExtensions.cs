namespace CartRecovery.Service.Demo;

public static class DemoHostingExtensions
{
    /// <summary>With <c>--demo</c>: shopper traffic, and delays short enough to watch a journey in a minute.</summary>
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
            ["Delivery:ContactPolicy:QuietHoursStart"] = "00:00",
            ["Delivery:ContactPolicy:QuietHoursEnd"] = "00:00",
            ["Logging:LogLevel:CartRecovery.Service.Demo"] = "Information",
        });
        builder.Services.AddHostedService<DemoTrafficService>();
        return builder;
    }
}

using System.Globalization;
using CartRecovery.Service.Hosting;
using MassTransit;
using MassTransit.Logging;

namespace CartRecovery.Benchmarks;

/// <summary>The real service, in this process, through its public wiring (<c>AddCartRecovery</c>): saga repository,
/// inbox/outbox, timer table, dispatcher and HTTP endpoints on a fresh database, with quiet hours off.</summary>
internal static class ServiceHost
{
    public const string ApiKey = "benchmark-api-key-0123456789abcdef";

    public static async Task<WebApplication> Start(BenchEnvironment env, BenchDatabase database, IDictionary<string, string?>? settings = null)
    {
        // MassTransit keeps its log context in an async-local; a later host would log through a disposed factory.
        LogContext.Current = null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Benchmark",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(Settings(env, database).Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddCartRecovery();
        var app = builder.Build();
        app.MapCartRecoveryEndpoints();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await app.StartAsync(timeout.Token);
        return app;
    }

    /// <summary>The service's configuration for a benchmark run on <paramref name="database"/>.</summary>
    public static Dictionary<string, string> Settings(BenchEnvironment env, BenchDatabase database) => new(StringComparer.Ordinal)
    {
        [ConnectionSettings.PostgresKey] = database.ConnectionString,
        [ConnectionSettings.RabbitMqKey] = env.RabbitMq.ToString(),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        ["Api:Key"] = ApiKey,
        ["Smtp:Host"] = env.SmtpHost,
        ["Smtp:Port"] = env.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Delivery:Links:BaseUrl"] = "http://127.0.0.1:5080/",
        ["Delivery:Links:ShopUrl"] = "https://shop.example/",
        // The settle window holds every email two minutes by design; the latency rows measure the pipeline.
        ["Delivery:ContactPolicy:SettleWindow"] = "00:00:00",
        ["Delivery:Links:Secret"] = "benchmark-link-secret-0123456789abcdef0123",
        ["Privacy:PseudonymSecret"] = "benchmark-pseudonym-secret-0123456789abcdef",
        ["Delivery:Discounts:Secret"] = "benchmark-discount-secret-0123456789abcdef",
        ["Delivery:ContactPolicy:QuietHoursStart"] = "00:00",
        ["Delivery:ContactPolicy:QuietHoursEnd"] = "00:00",
        // No cart goes idle during a measurement: every timer the journey arms is written, none fires.
        ["Journeys:CartAbandonment:IdleTimeout"] = "00:30:00",
        ["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "1.00:00:00",
        ["Journeys:CartAbandonment:Expiry"] = "7.00:00:00",
    };

    public static async Task Stop(WebApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }
}

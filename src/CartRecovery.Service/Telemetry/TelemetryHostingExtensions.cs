using CartRecovery.Journeys.Telemetry;
using OpenTelemetry.Metrics;

namespace CartRecovery.Service.Telemetry;

public static class TelemetryHostingExtensions
{
    /// <summary>OpenTelemetry metrics, scraped by Prometheus at <c>/metrics</c>.</summary>
    public static IServiceCollection AddCartRecoveryTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<LedgerGauges>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CartRecoveryMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapCartRecoveryMetrics(this WebApplication app)
    {
        // Created here so the gauge exists before the first scrape.
        _ = app.Services.GetRequiredService<LedgerGauges>();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}

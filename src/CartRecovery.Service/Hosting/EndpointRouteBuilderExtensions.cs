using CartRecovery.Service.Audit;
using CartRecovery.Service.Health;
using CartRecovery.Service.Ingest;
using CartRecovery.Service.Reports;
using CartRecovery.Service.Support;
using CartRecovery.Service.Telemetry;
using CartRecovery.Service.Tracking;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CartRecovery.Service.Hosting;

public static class EndpointRouteBuilderExtensions
{
    public static WebApplication MapCartRecoveryEndpoints(this WebApplication app)
    {
        // Live: the process answers. Ready: broker, database and scheduler all answer.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteJson,
        });
        app.MapOpenApi();
        app.MapCartRecoveryMetrics();
        app.UseRateLimiter();
        app.MapTracking();
        app.MapGroup("/api")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .MapEventIngest()
            .MapSupport()
            .MapReports()
            .MapAudit();
        return app;
    }
}

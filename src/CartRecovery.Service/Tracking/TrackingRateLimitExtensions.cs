using System.Threading.RateLimiting;
using CartRecovery.Journeys.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CartRecovery.Service.Tracking;

public static class TrackingRateLimitExtensions
{
    public const string PolicyName = "tracking";

    /// <summary>A fixed window per client IP for the public link endpoints; 429 past the limit.</summary>
    public static IServiceCollection AddTrackingRateLimit(this IServiceCollection services)
    {
        services.BindValidated<TrackingRateLimitOptions, TrackingRateLimitOptionsValidator>(TrackingRateLimitOptions.SectionName);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<TrackingRateLimitOptions>>((limiter, tracking) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = tracking.Value.PermitLimit,
                    Window = tracking.Value.Window,
                    QueueLimit = 0,
                }));
        });
        return services;
    }
}

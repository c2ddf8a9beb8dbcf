namespace CartRecovery.Service.Tracking;

/// <summary>Bound from <c>Tracking:RateLimit</c>: how many link requests one client IP may make per window. Mail
/// providers fetch open pixels through a few proxy addresses, so the default is generous.</summary>
public sealed record TrackingRateLimitOptions
{
    public const string SectionName = "Tracking:RateLimit";

    public int PermitLimit { get; init; } = 300;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);
}

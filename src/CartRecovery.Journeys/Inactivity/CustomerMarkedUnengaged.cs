namespace CartRecovery.Journeys.Inactivity;

/// <summary>Published when a customer ignored the re-engagement and win-back emails: marketing should stop (sunset)
/// until <see cref="CustomerReengaged"/>.</summary>
public sealed record CustomerMarkedUnengaged
{
    public required string CustomerId { get; init; }
    public required DateTimeOffset At { get; init; }
}

namespace CartRecovery.Journeys.Inactivity;

/// <summary>Published when a customer marked unengaged shows activity again: the sunset is lifted.</summary>
public sealed record CustomerReengaged
{
    public required string CustomerId { get; init; }
    public required DateTimeOffset At { get; init; }
}

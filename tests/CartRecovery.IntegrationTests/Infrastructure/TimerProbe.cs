namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>A message scheduled straight through the timer store, to measure the scheduler alone.</summary>
public sealed record TimerProbe
{
    public required Guid Id { get; init; }
}

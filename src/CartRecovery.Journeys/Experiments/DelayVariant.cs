namespace CartRecovery.Journeys.Experiments;

/// <summary>One arm of a timing experiment: the step waits <see cref="Delay"/> for customers assigned to it.
/// <see cref="Weight"/> is relative to the other arms (1 and 1 split evenly, 1 and 3 give this arm a quarter).</summary>
public sealed record DelayVariant
{
    public string Name { get; init; } = "";
    public TimeSpan Delay { get; init; }
    public int Weight { get; init; } = 1;
}

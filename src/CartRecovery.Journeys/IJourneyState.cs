namespace CartRecovery.Journeys;

/// <summary>What every journey's saga state has, whatever the journey.</summary>
public interface IJourneyState
{
    string CurrentState { get; set; }
    string CustomerId { get; set; }

    /// <summary>How the journey (or, for journeys that run in rounds, its latest round) ended; null while it runs.</summary>
    string? Outcome { get; set; }
}

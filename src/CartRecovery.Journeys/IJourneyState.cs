namespace CartRecovery.Journeys;

/// <summary>What every journey's saga state has, whatever the journey.</summary>
public interface IJourneyState
{
    string CurrentState { get; set; }
    string CustomerId { get; set; }
}

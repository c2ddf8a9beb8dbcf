namespace CartRecovery.Journeys.Telemetry;

/// <summary>Work that may only happen once the message's changes are committed, such as counting them: a retried
/// or rolled-back attempt must not count twice.</summary>
public interface IAfterCommit
{
    void Add(Action action);
}

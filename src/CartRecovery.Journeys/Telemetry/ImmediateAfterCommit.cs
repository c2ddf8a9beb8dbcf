namespace CartRecovery.Journeys.Telemetry;

/// <summary>For hosts without a message transaction (the in-memory test bus): there is nothing to wait for.</summary>
public sealed class ImmediateAfterCommit : IAfterCommit
{
    public void Add(Action action) => action();
}

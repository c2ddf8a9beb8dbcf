namespace CartRecovery.Service.Health;

public static class HealthTags
{
    /// <summary>MassTransit tags its bus check "ready" too, so one tag covers broker, database and scheduler.</summary>
    public const string Ready = "ready";
}

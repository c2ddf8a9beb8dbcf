namespace CartRecovery.Scheduling;

/// <summary>Operator knobs of the durable timer store, bound from <c>Scheduler</c>.</summary>
public sealed record SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>Shared by every instance: the cluster is the set of nodes with this name on one database.</summary>
    public string InstanceName { get; init; } = "cartrecovery";

    /// <summary>Timers firing at once per instance.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>How often an idle node looks for triggers written by other nodes.</summary>
    public TimeSpan IdleWaitTime { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ClusterCheckinInterval { get; init; } = TimeSpan.FromSeconds(7.5);

    /// <summary>A timer later than this after its due time (downtime) is a misfire; it fires at once anyway.</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait after a failed send (broker down); doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one send may wait for the broker before the firing counts as failed and is retried.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

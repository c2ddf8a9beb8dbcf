namespace CartRecovery.Scheduling;

/// <summary>Operator knobs of the timer table and of Quartz, which runs recurring maintenance, bound from <c>Scheduler</c>.</summary>
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

    /// <summary>Due timers one instance claims per statement.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Longest sleep between two looks at the timer table when nothing is due sooner.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a claim keeps other instances off a timer; a crash makes it due again after this.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages sent at once per instance while a batch fires.</summary>
    public int SendConcurrency { get; init; } = 64;

    /// <summary>A timer whose message cannot be read is tried this often, then moved to the dead-timer table.</summary>
    public int MaxUnreadableAttempts { get; init; } = 3;

    /// <summary>How long one send may wait for the broker before the firing counts as failed and is retried.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

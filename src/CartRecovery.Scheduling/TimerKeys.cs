using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>Names of the timers an earlier version kept in Quartz's job store (one durable job sending every timer,
/// one trigger per schedule token), read once by <see cref="LegacyQuartzTimerMigration"/>.</summary>
public static class TimerKeys
{
    public const string Group = "cartrecovery";

    public static readonly JobKey SendJob = new("send-scheduled-message", Group);

    /// <summary>Recurring maintenance lives in a group of its own, apart from any timers.</summary>
    public const string MaintenanceGroup = "cartrecovery-maintenance";

    public static readonly JobKey RetentionJob = new("retention", MaintenanceGroup);

    public static readonly TriggerKey RetentionTrigger = new("retention", MaintenanceGroup);

    public static readonly JobKey OutboxSweepJob = new("outbox-sweep", MaintenanceGroup);

    public static readonly TriggerKey OutboxSweepTrigger = new("outbox-sweep", MaintenanceGroup);

    /// <summary>Marked triggers that redelivered a message whose dependency was away.</summary>
    public const string RedeliveryDescription = "redelivery";

    public static TriggerKey For(Guid tokenId) => new(tokenId.ToString("N"), Group);
}

using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>Names in the job store. One durable job sends every timer; each timer is a trigger named after its
/// MassTransit schedule token, so scheduling the same token again replaces it and cancelling removes it.</summary>
public static class TimerKeys
{
    public const string Group = "cartrecovery";

    public static readonly JobKey SendJob = new("send-scheduled-message", Group);

    /// <summary>Recurring maintenance lives in a group of its own, apart from the journeys' timers.</summary>
    public const string MaintenanceGroup = "cartrecovery-maintenance";

    public static readonly JobKey RetentionJob = new("retention", MaintenanceGroup);

    public static readonly TriggerKey RetentionTrigger = new("retention", MaintenanceGroup);

    /// <summary>Marks triggers that redeliver a message whose dependency was away, so they can be counted.</summary>
    public const string RedeliveryDescription = "redelivery";

    public static TriggerKey For(Guid tokenId) => new(tokenId.ToString("N"), Group);
}

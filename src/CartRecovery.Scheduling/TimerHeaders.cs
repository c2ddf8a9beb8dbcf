namespace CartRecovery.Scheduling;

public static class TimerHeaders
{
    /// <summary>When the timer was due; the receiver can measure fire lag against it.</summary>
    public const string ScheduledAt = "CR-Timer-ScheduledAt";
}

namespace CartRecovery.Dispatcher.Decisions;

public static class DecisionOutcomes
{
    public const string Sent = "sent";
    public const string Suppressed = "suppressed";
    public const string Deferred = "deferred";
    public const string InDoubt = "in-doubt";
    public const string Failed = "failed";
    /// <summary>Held by the SMTP relay (unreachable, 4xx) or behind an earlier step that is: tried again later.</summary>
    public const string Waiting = "waiting";
    /// <summary>A repeat of a step the ledger already holds: nothing was done.</summary>
    public const string Duplicate = "duplicate";
}

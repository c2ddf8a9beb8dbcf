namespace CartRecovery.Journeys.Inactivity;

public static class InactivityOutcomes
{
    /// <summary>The win-back was ignored: no email is due until the customer shows up again.</summary>
    public const string Unengaged = "unengaged";
    /// <summary>Support ended the journey by hand; it never emails this customer about inactivity again.</summary>
    public const string Cancelled = "cancelled";
}

namespace CartRecovery.Journeys.Inactivity;

public static class InactivitySteps
{
    public const int ReEngagement = 1;
    public const string ReEngagementName = "re-engagement";
    public const int WinBack = 2;
    public const string WinBackName = "win-back";
}

namespace CartRecovery.Journeys.BrowseAbandonment;

public static class BrowseAbandonmentSteps
{
    public const int Browse = 1;
    public const string BrowseName = "browse";
}

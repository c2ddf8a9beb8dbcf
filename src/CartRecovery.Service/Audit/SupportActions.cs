namespace CartRecovery.Service.Audit;

/// <summary>The names the audit log uses for what support did and how it ended.</summary>
public static class SupportActions
{
    public const string Cancel = "cancel";
    public const string Erase = "erase";

    public const string Accepted = "accepted";
    public const string NotFound = "not-found";
    public const string AlreadyEnded = "already-ended";
    public const string Erased = "erased";
    public const string Failed = "failed";
}

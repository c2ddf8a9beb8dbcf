namespace CartRecovery.Service.Support;

/// <summary>What an API key may do. A shop backend needs only ingest; a help desk reads; few may act.</summary>
public static class ApiScopes
{
    /// <summary><c>POST /api/events</c>.</summary>
    public const string Ingest = "ingest";

    /// <summary>Journeys, customers, carts, reports and the audit log.</summary>
    public const string SupportRead = "support-read";

    /// <summary>Cancel a journey, erase a customer.</summary>
    public const string SupportAct = "support-act";

    public static readonly IReadOnlyList<string> All = [Ingest, SupportRead, SupportAct];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}

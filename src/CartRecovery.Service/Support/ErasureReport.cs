namespace CartRecovery.Service.Support;

/// <summary>What an erasure did. Counts only: the report itself carries no personal data.</summary>
public sealed record ErasureReport(
    string Pseudonym,
    bool ProfileDeleted,
    int JourneysCancelled,
    int JourneyRowsAnonymised,
    int LedgerRowsAnonymised,
    int DecisionsAnonymised,
    int ConversionsAnonymised,
    int DiscountCodesRevoked,
    int TimersRemoved);

namespace CartRecovery.Service.Audit;

/// <param name="HasMore">More entries fall in the period than one answer holds; ask again from the last one's time.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, bool HasMore);

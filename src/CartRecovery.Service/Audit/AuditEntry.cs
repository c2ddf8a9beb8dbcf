namespace CartRecovery.Service.Audit;

/// <param name="Actor">The API key's name.</param>
/// <param name="Target">A journey id, or an erased customer's pseudonym: never a customer id.</param>
public sealed record AuditEntry(DateTimeOffset OccurredAt, string Actor, string Action, string Target, string Result);

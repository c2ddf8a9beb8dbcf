namespace CartRecovery.Service.Support;

public sealed record DecisionView(
    int Step,
    string Outcome,
    string Rule,
    string Reason,
    IReadOnlyDictionary<string, string> Values,
    DateTimeOffset DecidedAt,
    DateTimeOffset? DeferUntil,
    string? MessageId,
    string? DiscountCode);

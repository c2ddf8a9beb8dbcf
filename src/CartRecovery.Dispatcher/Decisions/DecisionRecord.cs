namespace CartRecovery.Dispatcher.Decisions;

/// <summary>Why one email request ended as it did: what support reads to answer "why (not) this email?".</summary>
public sealed record DecisionRecord
{
    public required Guid JourneyId { get; init; }
    public required string Journey { get; init; }
    public required int Step { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>sent, suppressed, deferred, in-doubt or failed.</summary>
    public required string Outcome { get; init; }
    public required string Rule { get; init; }
    public required string Reason { get; init; }
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset? DeferUntil { get; init; }
    public string? MessageId { get; init; }
    public string? DiscountCode { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    /// <summary>The experiment the journey takes part in and the customer's arm of it, on every decision.</summary>
    public string? Experiment { get; init; }
    public string? Variant { get; init; }
}

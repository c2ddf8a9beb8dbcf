using System.Text.Json.Serialization;

namespace CartRecovery.Service.Support;

/// <summary>One journey instance as support sees it: where it stands, what it waits for, and every email decision.</summary>
public sealed record JourneyView
{
    public required Guid Id { get; init; }
    public required string Journey { get; init; }
    public required string CustomerId { get; init; }
    public required string State { get; init; }
    /// <summary>What the journey is about, e.g. "cart 0f8f…".</summary>
    public required string Subject { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? Outcome { get; init; }
    public TimerView? NextTimer { get; init; }
    public IReadOnlyList<DecisionView> Decisions { get; init; } = [];

    /// <summary>False once the journey is over for good; a journey that runs in rounds may show an ended round
    /// (<see cref="EndedAt"/>, <see cref="Outcome"/>) and still be running.</summary>
    public bool IsRunning => State != "Final";

    /// <summary>The ids its emails are requested under (browse and win-back use one per round).</summary>
    [JsonIgnore]
    public IReadOnlyList<Guid> EmailJourneyIds { get; init; } = [];
}

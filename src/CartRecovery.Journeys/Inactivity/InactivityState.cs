using MassTransit;

namespace CartRecovery.Journeys.Inactivity;

/// <summary>One customer's engagement (<see cref="InactivityJourneyId"/>). It finalizes only when support cancels it:
/// otherwise any activity returns a lapsed or unengaged customer to active, and the customer may lapse again.</summary>
public class InactivityState : SagaStateMachineInstance, ISagaVersion, IJourneyState
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = null!;
    public int Version { get; set; }

    public string CustomerId { get; set; } = null!;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>How often the customer lapsed; numbers the id the lapse's emails go out under.</summary>
    public int Lapses { get; set; }
    public Guid? LapseJourneyId { get; set; }
    public DateTimeOffset? LapsedAt { get; set; }
    public DateTimeOffset? ReEngagementEmailRequestedAt { get; set; }
    public DateTimeOffset? WinBackEmailRequestedAt { get; set; }
    public int? WinBackDiscountPercent { get; set; }
    public DateTimeOffset? UnengagedAt { get; set; }
    public DateTimeOffset? ReengagedAt { get; set; }

    /// <summary>One of <see cref="InactivityOutcomes"/>: unengaged after a sunset (cleared on return), or cancelled.</summary>
    public string? Outcome { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The last few producer event ids applied, so a re-sent event does not count as new activity.</summary>
    public List<Guid> RecentEventIds { get; set; } = [];

    public Guid? InactivityTokenId { get; set; }
    public Guid? WinBackTokenId { get; set; }
    public Guid? SunsetTokenId { get; set; }
}

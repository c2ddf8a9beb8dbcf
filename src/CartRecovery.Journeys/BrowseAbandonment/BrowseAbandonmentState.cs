using CartRecovery.Contracts;
using MassTransit;

namespace CartRecovery.Journeys.BrowseAbandonment;

/// <summary>One customer's interest in one product (<see cref="BrowseJourneyId"/>). Each round ends in a cooldown and
/// then watches again, so the row answers support for every round; it finalizes only when support cancels it.</summary>
public class BrowseAbandonmentState : SagaStateMachineInstance, ISagaVersion, IJourneyState
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = null!;
    public int Version { get; set; }

    public string CustomerId { get; set; } = null!;
    public string Sku { get; set; } = null!;
    /// <summary>The product as its latest view described it, quantity 1.</summary>
    public ProductLine Product { get; set; } = null!;
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the product was viewed within the view window, oldest first (older ones are trimmed).</summary>
    public List<DateTimeOffset> ViewedAt { get; set; } = [];
    public DateTimeOffset? InterestShownAt { get; set; }
    public DateTimeOffset? EmailRequestedAt { get; set; }
    public int EmailsRequested { get; set; }
    /// <summary>The journey id the latest email went out under (<see cref="BrowseJourneyId.ForEmail"/>).</summary>
    public Guid? EmailJourneyId { get; set; }

    /// <summary>How the latest round ended (<see cref="BrowseAbandonmentOutcomes"/>), and when.</summary>
    public string? Outcome { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public Guid? OrderId { get; set; }

    /// <summary>The last few producer event ids applied, so a re-sent view does not count twice.</summary>
    public List<Guid> RecentEventIds { get; set; } = [];

    public Guid? QuietPeriodTokenId { get; set; }
    public Guid? CooldownTokenId { get; set; }
}

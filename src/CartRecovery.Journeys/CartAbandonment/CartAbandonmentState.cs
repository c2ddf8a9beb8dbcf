using CartRecovery.Contracts;
using MassTransit;

namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>One cart's journey. Finalized instances are kept: they answer support and stop late events from
/// starting the journey again.</summary>
public class CartAbandonmentState : SagaStateMachineInstance, ISagaVersion, IJourneyState
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = null!;
    public int Version { get; set; }

    public string CustomerId { get; set; } = null!;
    public List<ProductLine> Lines { get; set; } = [];
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset? AbandonedAt { get; set; }
    public DateTimeOffset? RecoveryEmailRequestedAt { get; set; }
    public DateTimeOffset? DiscountEmailRequestedAt { get; set; }
    /// <summary>When checkout last started (arrival time): an email requested before it is settled by it.</summary>
    public DateTimeOffset? CheckoutStartedAt { get; set; }
    public DateTimeOffset? CheckoutEmailRequestedAt { get; set; }
    /// <summary>The customer's arm of <see cref="CartAbandonmentExperiments.RecoveryDelay"/>; null without the experiment.</summary>
    public string? Variant { get; set; }
    public int? DiscountPercent { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? Outcome { get; set; }
    public Guid? OrderId { get; set; }

    /// <summary>The last few producer event ids applied, so a re-sent event does not count twice.</summary>
    public List<Guid> RecentEventIds { get; set; } = [];

    public Guid? IdleTimeoutTokenId { get; set; }
    public Guid? CheckoutIdleTimeoutTokenId { get; set; }
    public Guid? DiscountFollowUpTokenId { get; set; }
    public Guid? ExpiryTokenId { get; set; }
}

using CartRecovery.Contracts;
using MassTransit;

namespace CartRecovery.Journeys.PostPurchase;

/// <summary>One order's journey after the purchase, keyed by the order id. Finalized instances are kept: a late
/// shipment or delivery event, or an order event that comes after its cancellation, changes nothing.</summary>
public class PostPurchaseState : SagaStateMachineInstance, ISagaVersion, IJourneyState
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = null!;
    public int Version { get; set; }

    public string CustomerId { get; set; } = null!;
    public List<ProductLine> Lines { get; set; } = [];
    public decimal Total { get; set; }
    public string Currency { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? ShipmentEmailRequestedAt { get; set; }
    public DateTimeOffset? ReviewEmailRequestedAt { get; set; }
    public DateTimeOffset? CrossSellEmailRequestedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>One of <see cref="PostPurchaseOutcomes"/> once the journey is over.</summary>
    public string? Outcome { get; set; }

    public Guid? ReviewRequestTokenId { get; set; }
    public Guid? CrossSellTokenId { get; set; }
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.PostPurchase;

/// <summary>
/// Post-purchase, one journey per order: a shipment email when the order ships, a review request some days after
/// delivery (or, without a delivery event, some days after the order), then a cross-sell email, after which the
/// journey ends. A cancellation or refund ends it at any point and clears its timers. A delivery reported before
/// the shipment skips the shipment email: the parcel has arrived, "on its way" would come too late.
/// </summary>
public sealed class PostPurchaseStateMachine : MassTransitStateMachine<PostPurchaseState>
{
    private readonly TimeProvider _clock;

    public PostPurchaseStateMachine(IOptions<PostPurchaseOptions> options, TimeProvider clock, CartRecoveryMetrics metrics)
    {
        _clock = clock;
        var settings = options.Value;

        InstanceState(x => x.CurrentState);

        Event(() => OrderPlaced, x => x.CorrelateById(c => c.Message.OrderId));
        // Shipment news for an order we never saw placed has nothing to build an email from.
        Event(() => OrderShipped, x =>
        {
            x.CorrelateById(c => c.Message.OrderId);
            x.OnMissingInstance(m => m.Discard());
        });
        Event(() => OrderDelivered, x =>
        {
            x.CorrelateById(c => c.Message.OrderId);
            x.OnMissingInstance(m => m.Discard());
        });
        // A cancellation that overtakes its order leaves a tombstone, so the late order never starts a journey.
        Event(() => OrderCancelled, x => x.CorrelateById(c => c.Message.OrderId));
        Event(() => CancelRequested, x =>
        {
            x.CorrelateById(c => c.Message.JourneyId);
            x.OnMissingInstance(m => m.Discard());
        });

        Schedule(() => ReviewRequest, x => x.ReviewRequestTokenId, s =>
        {
            s.Delay = settings.ReviewFallback;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.OrderId);
                r.OnMissingInstance(m => m.Discard());
            };
        });
        Schedule(() => CrossSell, x => x.CrossSellTokenId, s =>
        {
            s.Delay = settings.CrossSellDelay;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.OrderId);
                r.OnMissingInstance(m => m.Discard());
            };
        });

        Initially(
            When(OrderPlaced)
                .Then(c => Start(c.Saga, c.Message))
                // The fallback: replaced by the delivery-based review request if a delivery event comes.
                .Schedule(ReviewRequest, c => new ReviewRequestDue { OrderId = c.Saga.CorrelationId })
                .TransitionTo(Placed),
            When(OrderCancelled)
                .Then(c =>
                {
                    c.Saga.CustomerId = c.Message.CustomerId;
                    c.Saga.StartedAt = _clock.GetUtcNow();
                    EndJourney(c.Saga, CancellationOutcome(c.Message));
                })
                .Finalize());

        During(Placed,
            Ignore(OrderPlaced),
            When(OrderShipped)
                .Then(c => MarkShipped(c.Saga))
                .Send(JourneyEndpoints.EmailDispatcher, c => Email(c.Saga, PostPurchaseSteps.Shipment,
                    PostPurchaseSteps.ShipmentName, c.Saga.ShipmentEmailRequestedAt!.Value) with
                {
                    Carrier = c.Message.Carrier,
                    TrackingNumber = c.Message.TrackingNumber,
                    TrackingUrl = c.Message.TrackingUrl,
                })
                .TransitionTo(Shipped),
            AwaitReviewAfterDelivery(When(OrderDelivered), settings),
            RequestReview(When(ReviewRequest.Received)),
            Ignore(CrossSell.Received),
            Cancel(When(OrderCancelled)));

        During(Shipped,
            Ignore(OrderPlaced),
            Ignore(OrderShipped),
            AwaitReviewAfterDelivery(When(OrderDelivered), settings),
            RequestReview(When(ReviewRequest.Received)),
            Ignore(CrossSell.Received),
            Cancel(When(OrderCancelled)));

        During(Delivered,
            Ignore(OrderPlaced),
            // Delivered before shipped: note it, but the parcel is there, so no "on its way" email.
            When(OrderShipped)
                .Then(c => c.Saga.ShippedAt ??= _clock.GetUtcNow()),
            Ignore(OrderDelivered),
            RequestReview(When(ReviewRequest.Received)),
            Ignore(CrossSell.Received),
            Cancel(When(OrderCancelled)));

        During(ReviewRequested,
            Ignore(OrderPlaced),
            Ignore(OrderShipped),
            Ignore(OrderDelivered),
            Ignore(ReviewRequest.Received),
            When(CrossSell.Received)
                .Then(c => c.Saga.CrossSellEmailRequestedAt = _clock.GetUtcNow())
                .Send(JourneyEndpoints.EmailDispatcher, c => Email(c.Saga, PostPurchaseSteps.CrossSell,
                    PostPurchaseSteps.CrossSellName, c.Saga.CrossSellEmailRequestedAt!.Value))
                .Then(c => EndJourney(c.Saga, PostPurchaseOutcomes.Completed))
                .Finalize(),
            Cancel(When(OrderCancelled)));

        During(Placed, Shipped, Delivered, ReviewRequested,
            When(CancelRequested)
                .Then(c => EndJourney(c.Saga, PostPurchaseOutcomes.CancelledBySupport))
                .Unschedule(ReviewRequest)
                .Unschedule(CrossSell)
                .Finalize());

        // Late and duplicate events after the end change nothing: the journey is over and stays over.
        During(Final,
            Ignore(OrderPlaced),
            Ignore(OrderShipped),
            Ignore(OrderDelivered),
            Ignore(OrderCancelled),
            Ignore(CancelRequested));

        // A timer the scheduler took before the journey ended still arrives. MassTransit raises its AnyReceived whatever
        // its token and handles that only in DuringAny, which leaves out Final, so Final ignores it or it faults.
        During(Final,
            Ignore(ReviewRequest.AnyReceived),
            Ignore(ReviewRequest.Received),
            Ignore(CrossSell.AnyReceived),
            Ignore(CrossSell.Received));

        ConnectStateObserver(new JourneyLifecycleMetrics<PostPurchaseState>(JourneyNames.PostPurchase, metrics, this));
    }

    public State Placed { get; private set; } = null!;
    public State Shipped { get; private set; } = null!;
    public State Delivered { get; private set; } = null!;
    public State ReviewRequested { get; private set; } = null!;

    public Event<OrderPlaced> OrderPlaced { get; private set; } = null!;
    public Event<OrderShipped> OrderShipped { get; private set; } = null!;
    public Event<OrderDelivered> OrderDelivered { get; private set; } = null!;
    public Event<OrderCancelled> OrderCancelled { get; private set; } = null!;
    public Event<CancelJourney> CancelRequested { get; private set; } = null!;

    public Schedule<PostPurchaseState, ReviewRequestDue> ReviewRequest { get; private set; } = null!;
    public Schedule<PostPurchaseState, CrossSellDue> CrossSell { get; private set; } = null!;

    private void Start(PostPurchaseState saga, OrderPlaced message)
    {
        saga.CustomerId = message.CustomerId;
        saga.Lines = [.. message.Lines];
        saga.Total = message.Total;
        saga.Currency = message.Currency;
        saga.StartedAt = _clock.GetUtcNow();
    }

    private void MarkShipped(PostPurchaseState saga)
    {
        var now = _clock.GetUtcNow();
        saga.ShippedAt = now;
        saga.ShipmentEmailRequestedAt = now;
    }

    /// <summary>Delivery replaces the fallback review request with one a review delay from now.</summary>
    private EventActivityBinder<PostPurchaseState, OrderDelivered> AwaitReviewAfterDelivery(
        EventActivityBinder<PostPurchaseState, OrderDelivered> binder,
        PostPurchaseOptions settings) =>
        binder
            .Then(c => c.Saga.DeliveredAt = _clock.GetUtcNow())
            .Schedule(ReviewRequest, c => new ReviewRequestDue { OrderId = c.Saga.CorrelationId }, _ => settings.ReviewDelay)
            .TransitionTo(Delivered);

    private EventActivityBinder<PostPurchaseState, ReviewRequestDue> RequestReview(
        EventActivityBinder<PostPurchaseState, ReviewRequestDue> binder) =>
        binder
            .Then(c => c.Saga.ReviewEmailRequestedAt = _clock.GetUtcNow())
            .Send(JourneyEndpoints.EmailDispatcher, c => Email(c.Saga, PostPurchaseSteps.Review,
                PostPurchaseSteps.ReviewName, c.Saga.ReviewEmailRequestedAt!.Value))
            .Schedule(CrossSell, c => new CrossSellDue { OrderId = c.Saga.CorrelationId })
            .TransitionTo(ReviewRequested);

    private EventActivityBinder<PostPurchaseState, OrderCancelled> Cancel(
        EventActivityBinder<PostPurchaseState, OrderCancelled> binder) =>
        binder
            .Then(c => EndJourney(c.Saga, CancellationOutcome(c.Message)))
            .Unschedule(ReviewRequest)
            .Unschedule(CrossSell)
            .Finalize();

    private void EndJourney(PostPurchaseState saga, string outcome)
    {
        saga.Outcome = outcome;
        saga.EndedAt = _clock.GetUtcNow();
    }

    private static string CancellationOutcome(OrderCancelled message) =>
        message.Reason?.Contains("refund", StringComparison.OrdinalIgnoreCase) == true
            ? PostPurchaseOutcomes.Refunded
            : PostPurchaseOutcomes.Cancelled;

    /// <summary>Every step shows the order's lines; complementary products are the template's (or the
    /// dispatcher's) to add, since the journey only knows what was bought.</summary>
    private static SendJourneyEmail Email(PostPurchaseState saga, int step, string stepName, DateTimeOffset requestedAt) => new()
    {
        JourneyId = saga.CorrelationId,
        Journey = JourneyNames.PostPurchase,
        Step = step,
        StepName = stepName,
        CustomerId = saga.CustomerId,
        RequestedAt = requestedAt,
        Products = [.. saga.Lines],
        CartValue = saga.Total,
        Currency = saga.Currency,
        OrderId = saga.CorrelationId,
    };
}

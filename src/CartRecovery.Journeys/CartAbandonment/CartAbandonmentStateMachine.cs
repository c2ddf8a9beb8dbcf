using CartRecovery.Contracts;
using CartRecovery.Journeys.Experiments;
using CartRecovery.Journeys.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>
/// Cart abandonment: idle carts get a recovery email, then a discount if still abandoned, and a cart left idle in
/// checkout gets the checkout email, until an order, an emptied cart or the expiry ends the journey. The idle window slides without touching the scheduler on every
/// event: it is armed once and, when it fires, re-armed for whatever remains since the last activity.
/// </summary>
public sealed class CartAbandonmentStateMachine : MassTransitStateMachine<CartAbandonmentState>
{
    private readonly TimeProvider _clock;
    private readonly CartAbandonmentOptions _settings;

    public CartAbandonmentStateMachine(IOptions<CartAbandonmentOptions> options, TimeProvider clock, CartRecoveryMetrics metrics)
    {
        _clock = clock;
        var settings = options.Value;
        _settings = settings;

        InstanceState(x => x.CurrentState);

        Event(() => ItemAdded, x => x.CorrelateById(c => c.Message.CartId));
        Event(() => ItemRemoved, x =>
        {
            x.CorrelateById(c => c.Message.CartId);
            x.OnMissingInstance(m => m.Discard());
        });
        Event(() => CheckoutStarted, x =>
        {
            x.CorrelateById(c => c.Message.CartId);
            x.OnMissingInstance(m => m.Discard());
        });
        Event(() => CancelRequested, x =>
        {
            x.CorrelateById(c => c.Message.JourneyId);
            x.OnMissingInstance(m => m.Discard());
        });
        // An order without a cart correlates on its own id and is discarded in Initially (never stored).
        Event(() => OrderPlaced, x => x.CorrelateById(c => c.Message.CartId ?? c.Message.OrderId));

        Schedule(() => IdleTimeout, x => x.IdleTimeoutTokenId, s =>
        {
            s.Delay = settings.IdleTimeout;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.CartId);
                r.OnMissingInstance(m => m.Discard());
            };
        });
        Schedule(() => CheckoutIdleTimeout, x => x.CheckoutIdleTimeoutTokenId, s =>
        {
            s.Delay = settings.CheckoutIdleTimeout;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.CartId);
                r.OnMissingInstance(m => m.Discard());
            };
        });
        Schedule(() => DiscountFollowUp, x => x.DiscountFollowUpTokenId, s =>
        {
            s.Delay = settings.DiscountFollowUpDelay;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.CartId);
                r.OnMissingInstance(m => m.Discard());
            };
        });
        Schedule(() => Expiry, x => x.ExpiryTokenId, s =>
        {
            s.Delay = settings.Expiry;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.CartId);
                r.OnMissingInstance(m => m.Discard());
            };
        });

        Initially(
            When(ItemAdded)
                .Then(c => Start(c.Saga, c.Message))
                .Schedule(IdleTimeout, c => new CartIdleTimeoutElapsed { CartId = c.Saga.CorrelationId }, c => IdleTimeoutOf(c.Saga))
                .Schedule(Expiry, c => new CartJourneyExpired { CartId = c.Saga.CorrelationId })
                .TransitionTo(Active),
            // The order was known before any cart event: keep a converted tombstone so late cart events can
            // never start a journey (and so never an email) for a cart that already became an order.
            When(OrderPlaced, c => c.Message.CartId is not null)
                .Then(c => RecordTombstone(c.Saga, c.Message))
                .Finalize(),
            When(OrderPlaced, c => c.Message.CartId is null)
                .ThenAsync(c => c.SetCompleted()));

        During(Active,
            When(ItemAdded)
                .Then(c => ApplyItemAdded(c.Saga, c.Message)),
            When(ItemRemoved)
                .Then(c => ApplyItemRemoved(c.Saga, c.Message))
                .If(c => c.Saga.Lines.Count == 0, x => EndJourney(x, _ => CartJourneyOutcomes.Emptied)),
            When(CheckoutStarted)
                .Unschedule(IdleTimeout)
                .Then(c => c.Saga.CheckoutStartedAt = _clock.GetUtcNow())
                .Schedule(CheckoutIdleTimeout, c => new CheckoutIdleTimeoutElapsed { CartId = c.Saga.CorrelationId })
                .TransitionTo(CheckingOut),
            EndJourney(When(OrderPlaced).Then(c => c.Saga.OrderId = c.Message.OrderId),
                _ => CartJourneyOutcomes.Converted),
            When(IdleTimeout.Received, c => IdleRemaining(c.Saga) > TimeSpan.Zero)
                .Schedule(IdleTimeout,
                    c => new CartIdleTimeoutElapsed { CartId = c.Saga.CorrelationId },
                    c => IdleRemaining(c.Saga)),
            When(IdleTimeout.Received, c => IdleRemaining(c.Saga) <= TimeSpan.Zero)
                .Then(c => MarkAbandoned(c.Saga))
                .Send(JourneyEndpoints.EmailDispatcher, c => RecoveryEmail(c.Saga))
                .Publish(c => CartAbandonedEvent(c.Saga))
                .Schedule(DiscountFollowUp, c => new DiscountFollowUpDue { CartId = c.Saga.CorrelationId })
                .TransitionTo(Abandoned),
            // Armed for a checkout the cart has since left; the cart's own idle timer decides now.
            Ignore(CheckoutIdleTimeout.Received),
            Ignore(DiscountFollowUp.Received),
            EndJourney(When(Expiry.Received), _ => CartJourneyOutcomes.Expired));

        During(CheckingOut,
            When(ItemAdded)
                .Then(c => ApplyItemAdded(c.Saga, c.Message))
                .Unschedule(CheckoutIdleTimeout)
                .Schedule(IdleTimeout, c => new CartIdleTimeoutElapsed { CartId = c.Saga.CorrelationId }, c => IdleTimeoutOf(c.Saga))
                .TransitionTo(Active),
            When(ItemRemoved)
                .Then(c => ApplyItemRemoved(c.Saga, c.Message))
                .IfElse(c => c.Saga.Lines.Count == 0,
                    emptied => EndJourney(emptied, _ => CartJourneyOutcomes.Emptied),
                    resumed => resumed
                        .Unschedule(CheckoutIdleTimeout)
                        .Schedule(IdleTimeout, c => new CartIdleTimeoutElapsed { CartId = c.Saga.CorrelationId }, c => IdleTimeoutOf(c.Saga))
                        .TransitionTo(Active)),
            // A repeated checkout event is the same checkout; its idle clock keeps running from the first.
            Ignore(CheckoutStarted),
            EndJourney(When(OrderPlaced).Then(c => c.Saga.OrderId = c.Message.OrderId),
                _ => CartJourneyOutcomes.Converted),
            When(CheckoutIdleTimeout.Received)
                .Then(c => c.Saga.CheckoutEmailRequestedAt = _clock.GetUtcNow())
                .Send(JourneyEndpoints.EmailDispatcher, c => CheckoutEmail(c.Saga))
                .TransitionTo(CheckoutAbandoned),
            Ignore(IdleTimeout.Received),
            Ignore(DiscountFollowUp.Received),
            EndJourney(When(Expiry.Received), _ => CartJourneyOutcomes.Expired));

        During(Abandoned, DiscountOffered, CheckoutAbandoned,
            When(ItemAdded)
                .Then(c => ApplyItemAdded(c.Saga, c.Message)),
            When(ItemRemoved)
                .Then(c => ApplyItemRemoved(c.Saga, c.Message))
                .If(c => c.Saga.Lines.Count == 0, x => EndJourney(x, _ => CartJourneyOutcomes.Emptied)),
            // The email was requested; only an order or the expiry changes the outcome now. The checkout is noted,
            // so the dispatcher does not send an email it arrived too late to stop (its settle window).
            When(CheckoutStarted)
                .Then(c => c.Saga.CheckoutStartedAt = _clock.GetUtcNow()),
            EndJourney(When(OrderPlaced).Then(c => c.Saga.OrderId = c.Message.OrderId),
                c => OrderOutcome(c.Saga, c.Message)),
            Ignore(IdleTimeout.Received),
            Ignore(CheckoutIdleTimeout.Received),
            EndJourney(When(Expiry.Received), _ => CartJourneyOutcomes.Expired));

        During(Abandoned,
            When(DiscountFollowUp.Received)
                .Activity(x => x.OfType<RequestDiscountEmailActivity>())
                .TransitionTo(DiscountOffered));

        During(DiscountOffered, CheckoutAbandoned,
            Ignore(DiscountFollowUp.Received));

        During(new[] { Active, CheckingOut, Abandoned, DiscountOffered, CheckoutAbandoned },
            EndJourney(When(CancelRequested), _ => CartJourneyOutcomes.Cancelled));

        // Late and duplicate events after the end change nothing: the journey is over and stays over.
        During(Final,
            Ignore(CancelRequested),
            Ignore(ItemAdded),
            Ignore(ItemRemoved),
            Ignore(CheckoutStarted),
            Ignore(OrderPlaced));

        // A timer the scheduler took before the journey ended still arrives. MassTransit raises its AnyReceived whatever
        // its token and handles that only in DuringAny, which leaves out Final, so Final ignores it or it faults.
        During(Final,
            Ignore(IdleTimeout.AnyReceived),
            Ignore(IdleTimeout.Received),
            Ignore(CheckoutIdleTimeout.AnyReceived),
            Ignore(CheckoutIdleTimeout.Received),
            Ignore(DiscountFollowUp.AnyReceived),
            Ignore(DiscountFollowUp.Received),
            Ignore(Expiry.AnyReceived),
            Ignore(Expiry.Received));

        ConnectStateObserver(new JourneyLifecycleMetrics<CartAbandonmentState>(JourneyNames.CartAbandonment, metrics, this));
    }

    public State Active { get; private set; } = null!;
    public State CheckingOut { get; private set; } = null!;
    public State Abandoned { get; private set; } = null!;
    public State DiscountOffered { get; private set; } = null!;
    public State CheckoutAbandoned { get; private set; } = null!;

    public Event<CartItemAdded> ItemAdded { get; private set; } = null!;
    public Event<CartItemRemoved> ItemRemoved { get; private set; } = null!;
    public Event<CheckoutStarted> CheckoutStarted { get; private set; } = null!;
    public Event<OrderPlaced> OrderPlaced { get; private set; } = null!;
    public Event<CancelJourney> CancelRequested { get; private set; } = null!;

    public Schedule<CartAbandonmentState, CartIdleTimeoutElapsed> IdleTimeout { get; private set; } = null!;
    public Schedule<CartAbandonmentState, CheckoutIdleTimeoutElapsed> CheckoutIdleTimeout { get; private set; } = null!;
    public Schedule<CartAbandonmentState, DiscountFollowUpDue> DiscountFollowUp { get; private set; } = null!;
    public Schedule<CartAbandonmentState, CartJourneyExpired> Expiry { get; private set; } = null!;

    private void Start(CartAbandonmentState saga, CartItemAdded message)
    {
        var now = _clock.GetUtcNow();
        saga.CustomerId = message.CustomerId;
        saga.StartedAt = now;
        saga.Variant = VariantAssignment.Pick(CartAbandonmentExperiments.RecoveryDelay, message.CustomerId, _settings.RecoveryDelayVariants)?.Name;
        ApplyItemAdded(saga, message);
    }

    private void ApplyItemAdded(CartAbandonmentState saga, CartItemAdded message)
    {
        if (RecentEvents.TryRemember(saga.RecentEventIds, message.EventId))
        {
            CartLines.Add(saga.Lines, message.Item);
            saga.LastActivityAt = _clock.GetUtcNow();
        }
    }

    private void ApplyItemRemoved(CartAbandonmentState saga, CartItemRemoved message)
    {
        if (RecentEvents.TryRemember(saga.RecentEventIds, message.EventId))
        {
            CartLines.Remove(saga.Lines, message.Sku, message.Quantity);
            saga.LastActivityAt = _clock.GetUtcNow();
        }
    }

    private TimeSpan IdleRemaining(CartAbandonmentState saga) =>
        saga.LastActivityAt + IdleTimeoutOf(saga) - _clock.GetUtcNow();

    /// <summary>The idle timeout of the customer's arm of the recovery-delay experiment, else the configured one
    /// (also when the arm has since been removed from the configuration).</summary>
    private TimeSpan IdleTimeoutOf(CartAbandonmentState saga) =>
        _settings.RecoveryDelayVariants.FirstOrDefault(v => v.Name == saga.Variant)?.Delay ?? _settings.IdleTimeout;

    private void MarkAbandoned(CartAbandonmentState saga)
    {
        var now = _clock.GetUtcNow();
        saga.AbandonedAt = now;
        saga.RecoveryEmailRequestedAt = now;
    }

    private void RecordTombstone(CartAbandonmentState saga, OrderPlaced message)
    {
        saga.CustomerId = message.CustomerId;
        saga.StartedAt = _clock.GetUtcNow();
        saga.OrderId = message.OrderId;
        EndJourney(saga, CartJourneyOutcomes.Converted);
    }

    private void EndJourney(CartAbandonmentState saga, string outcome)
    {
        saga.Outcome = outcome;
        saga.EndedAt = _clock.GetUtcNow();
    }

    private EventActivityBinder<CartAbandonmentState, T> EndJourney<T>(
        EventActivityBinder<CartAbandonmentState, T> binder,
        Func<BehaviorContext<CartAbandonmentState, T>, string> outcome)
        where T : class =>
        binder
            .Then(c => EndJourney(c.Saga, outcome(c)))
            .Activity(x => x.OfInstanceType<RevokeUnusedDiscountCodesActivity>())
            .PublishJourneyEnded()
            .UnscheduleAll(this)
            .Finalize();

    private static string OrderOutcome(CartAbandonmentState saga, OrderPlaced order) =>
        new[] { saga.RecoveryEmailRequestedAt, saga.CheckoutEmailRequestedAt }.Any(emailed => order.OccurredAt >= emailed)
            ? CartJourneyOutcomes.Recovered
            : CartJourneyOutcomes.Converted;

    private SendJourneyEmail RecoveryEmail(CartAbandonmentState saga) =>
        CartEmail(saga, CartAbandonmentSteps.Recovery, CartAbandonmentSteps.RecoveryName, saga.RecoveryEmailRequestedAt);

    private SendJourneyEmail CheckoutEmail(CartAbandonmentState saga) =>
        CartEmail(saga, CartAbandonmentSteps.Checkout, CartAbandonmentSteps.CheckoutName, saga.CheckoutEmailRequestedAt);

    private SendJourneyEmail CartEmail(CartAbandonmentState saga, int step, string stepName, DateTimeOffset? requestedAt) => new()
    {
        JourneyId = saga.CorrelationId,
        Journey = JourneyNames.CartAbandonment,
        Step = step,
        StepName = stepName,
        CustomerId = saga.CustomerId,
        RequestedAt = requestedAt ?? _clock.GetUtcNow(),
        Products = [.. saga.Lines],
        CartValue = CartLines.Value(saga.Lines),
        Currency = CartLines.Currency(saga.Lines),
        CartId = saga.CorrelationId,
        Experiment = CartAbandonmentExperiments.Of(saga),
        Variant = saga.Variant,
    };

    private static CartAbandoned CartAbandonedEvent(CartAbandonmentState saga) => new()
    {
        CartId = saga.CorrelationId,
        CustomerId = saga.CustomerId,
        AbandonedAt = saga.AbandonedAt!.Value,
        CartValue = CartLines.Value(saga.Lines),
        Currency = CartLines.Currency(saga.Lines),
    };
}

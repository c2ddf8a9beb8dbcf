using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.BrowseAbandonment;

/// <summary>
/// Browse abandonment, one journey per customer and product: repeated views within the view window (or one long
/// view) show interest; if no add-to-cart or order of the product follows within the quiet period, the browse email
/// is requested. Each round (emailed, carted or ordered) ends in a cooldown that ignores views, so a product is
/// emailed at most once per cooldown and never while the cart journey has taken over; then views count again.
/// </summary>
public sealed class BrowseAbandonmentStateMachine : MassTransitStateMachine<BrowseAbandonmentState>
{
    private readonly TimeProvider _clock;
    private readonly BrowseAbandonmentOptions _settings;

    public BrowseAbandonmentStateMachine(IOptions<BrowseAbandonmentOptions> options, TimeProvider clock, CartRecoveryMetrics metrics)
    {
        _clock = clock;
        _settings = options.Value;
        var settings = _settings;

        InstanceState(x => x.CurrentState);

        Event(() => ProductViewed, x => x.CorrelateById(c => BrowseJourneyId.For(c.Message.CustomerId, c.Message.Sku)));
        // Cart additions and orders only matter to a product already being watched; they never start a journey.
        Event(() => ItemAdded, x =>
        {
            x.CorrelateById(c => BrowseJourneyId.For(c.Message.CustomerId, c.Message.Item.Sku));
            x.OnMissingInstance(m => m.Discard());
        });
        Event(() => OrderPlaced, x =>
        {
            x.CorrelateById(c => BrowseJourneyId.ForOrder(c.Message));
            x.OnMissingInstance(m => m.Discard());
        });
        Event(() => CancelRequested, x =>
        {
            x.CorrelateById(c => c.Message.JourneyId);
            x.OnMissingInstance(m => m.Discard());
        });

        Schedule(() => QuietPeriod, x => x.QuietPeriodTokenId, s =>
        {
            s.Delay = settings.QuietPeriod;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.JourneyId);
                r.OnMissingInstance(m => m.Discard());
            };
        });
        Schedule(() => Cooldown, x => x.CooldownTokenId, s =>
        {
            s.Delay = settings.EmailCooldown;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.JourneyId);
                r.OnMissingInstance(m => m.Discard());
            };
        });

        Initially(
            When(ProductViewed)
                .Then(c => Start(c.Saga, c.Message))
                .IfElse(c => ShowsInterest(c.Saga, c.Message),
                    interested => AwaitQuietPeriod(interested),
                    watching => watching.TransitionTo(Watching)));

        During(Watching,
            When(ProductViewed)
                .If(c => IsNew(c.Saga, c.Message.EventId), view => view
                    .Then(c => RecordView(c.Saga, c.Message))
                    .If(c => ShowsInterest(c.Saga, c.Message), interested => AwaitQuietPeriod(interested))),
            EndRound(When(ItemAdded), BrowseAbandonmentOutcomes.Carted),
            EndRound(When(OrderPlaced).Then(c => c.Saga.OrderId = c.Message.OrderId), BrowseAbandonmentOutcomes.Ordered),
            Ignore(QuietPeriod.Received),
            Ignore(Cooldown.Received));

        During(Interested,
            // Interest has shown already; later views only refresh what the email shows of the product.
            When(ProductViewed)
                .If(c => IsNew(c.Saga, c.Message.EventId), view => view.Then(c => RecordView(c.Saga, c.Message))),
            EndRound(When(ItemAdded), BrowseAbandonmentOutcomes.Carted),
            EndRound(When(OrderPlaced).Then(c => c.Saga.OrderId = c.Message.OrderId), BrowseAbandonmentOutcomes.Ordered),
            When(QuietPeriod.Received)
                .Then(c => MarkEmailed(c.Saga))
                .Send(JourneyEndpoints.EmailDispatcher, c => BrowseEmail(c.Saga))
                .Schedule(Cooldown, c => new BrowseCooldownElapsed { JourneyId = c.Saga.CorrelationId })
                .TransitionTo(CoolingDown),
            Ignore(Cooldown.Received));

        // At most one email per cooldown, and nothing while the cart journey owns the product: the round is over.
        During(CoolingDown,
            Ignore(ProductViewed),
            Ignore(ItemAdded),
            Ignore(OrderPlaced),
            Ignore(QuietPeriod.Received),
            When(Cooldown.Received)
                .Then(c => c.Saga.ViewedAt.Clear())
                .TransitionTo(Watching));

        During(Watching, Interested, CoolingDown,
            When(CancelRequested)
                .Then(c =>
                {
                    c.Saga.Outcome = BrowseAbandonmentOutcomes.Cancelled;
                    c.Saga.EndedAt = _clock.GetUtcNow();
                })
                .Unschedule(QuietPeriod)
                .Unschedule(Cooldown)
                .Finalize());

        // Cancelled by hand: the product is never watched for this customer again.
        During(Final,
            Ignore(ProductViewed),
            Ignore(ItemAdded),
            Ignore(OrderPlaced),
            Ignore(CancelRequested));

        // A timer the scheduler took before the journey ended still arrives. MassTransit raises its AnyReceived whatever
        // its token and handles that only in DuringAny, which leaves out Final, so Final ignores it or it faults.
        During(Final,
            Ignore(QuietPeriod.AnyReceived),
            Ignore(QuietPeriod.Received),
            Ignore(Cooldown.AnyReceived),
            Ignore(Cooldown.Received));

        ConnectStateObserver(new JourneyLifecycleMetrics<BrowseAbandonmentState>(JourneyNames.BrowseAbandonment, metrics, this, CoolingDown));
    }

    public State Watching { get; private set; } = null!;
    public State Interested { get; private set; } = null!;
    public State CoolingDown { get; private set; } = null!;

    public Event<ProductViewed> ProductViewed { get; private set; } = null!;
    public Event<CartItemAdded> ItemAdded { get; private set; } = null!;
    public Event<OrderPlaced> OrderPlaced { get; private set; } = null!;
    public Event<CancelJourney> CancelRequested { get; private set; } = null!;

    public Schedule<BrowseAbandonmentState, BrowseQuietPeriodElapsed> QuietPeriod { get; private set; } = null!;
    public Schedule<BrowseAbandonmentState, BrowseCooldownElapsed> Cooldown { get; private set; } = null!;

    private void Start(BrowseAbandonmentState saga, ProductViewed message)
    {
        saga.CustomerId = message.CustomerId;
        saga.Sku = message.Sku;
        saga.StartedAt = _clock.GetUtcNow();
        RecordView(saga, message);
    }

    private static bool IsNew(BrowseAbandonmentState saga, Guid eventId) => !saga.RecentEventIds.Contains(eventId);

    /// <summary>Counts the view in the sliding window (views older than the window drop out) and keeps the
    /// product's latest details.</summary>
    private void RecordView(BrowseAbandonmentState saga, ProductViewed message)
    {
        RecentEvents.TryRemember(saga.RecentEventIds, message.EventId);
        var now = _clock.GetUtcNow();
        saga.ViewedAt.Add(now);
        saga.ViewedAt.RemoveAll(at => at <= now - _settings.ViewWindow);
        saga.Product = new ProductLine
        {
            Sku = message.Sku,
            Name = message.Name,
            UnitPrice = message.UnitPrice,
            Currency = message.Currency,
            Quantity = 1,
            Category = message.Category,
            ImageUrl = message.ImageUrl,
            ProductUrl = message.ProductUrl,
        };
    }

    private bool ShowsInterest(BrowseAbandonmentState saga, ProductViewed message) =>
        saga.ViewedAt.Count >= _settings.MinViews || message.ViewDuration > _settings.LongViewThreshold;

    private EventActivityBinder<BrowseAbandonmentState, T> AwaitQuietPeriod<T>(
        EventActivityBinder<BrowseAbandonmentState, T> binder)
        where T : class =>
        binder
            .Then(c => c.Saga.InterestShownAt = _clock.GetUtcNow())
            .Schedule(QuietPeriod, c => new BrowseQuietPeriodElapsed { JourneyId = c.Saga.CorrelationId })
            .TransitionTo(Interested);

    /// <summary>The round ends without an email: the cart journey (or the order) has taken over the product.</summary>
    private EventActivityBinder<BrowseAbandonmentState, T> EndRound<T>(
        EventActivityBinder<BrowseAbandonmentState, T> binder,
        string outcome)
        where T : class =>
        binder
            .Then(c =>
            {
                c.Saga.Outcome = outcome;
                c.Saga.EndedAt = _clock.GetUtcNow();
            })
            .Unschedule(QuietPeriod)
            .Schedule(Cooldown, c => new BrowseCooldownElapsed { JourneyId = c.Saga.CorrelationId })
            .TransitionTo(CoolingDown);

    private void MarkEmailed(BrowseAbandonmentState saga)
    {
        var now = _clock.GetUtcNow();
        saga.EmailsRequested++;
        saga.EmailJourneyId = BrowseJourneyId.ForEmail(saga.CorrelationId, saga.EmailsRequested);
        saga.EmailRequestedAt = now;
        saga.Outcome = BrowseAbandonmentOutcomes.Emailed;
        saga.EndedAt = now;
    }

    /// <summary>The email shows the product itself. "Related products viewed in the last 7 days" live in the
    /// customer's other browse journeys, which one saga instance cannot read; the dispatcher, which keeps the
    /// customer's profile, is where they can be added.</summary>
    private SendJourneyEmail BrowseEmail(BrowseAbandonmentState saga) => new()
    {
        JourneyId = saga.EmailJourneyId!.Value,
        Journey = JourneyNames.BrowseAbandonment,
        Step = BrowseAbandonmentSteps.Browse,
        StepName = BrowseAbandonmentSteps.BrowseName,
        CustomerId = saga.CustomerId,
        RequestedAt = saga.EmailRequestedAt ?? _clock.GetUtcNow(),
        Products = [saga.Product],
        Currency = saga.Product.Currency,
    };
}

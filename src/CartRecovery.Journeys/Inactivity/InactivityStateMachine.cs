using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Inactivity;

/// <summary>
/// Inactivity and win-back, one journey per customer: after a stretch without any activity (visit, cart, order,
/// email open or click) the re-engagement email, then a win-back incentive, then the customer is marked unengaged
/// (sunset). Any activity returns the customer to active. The inactivity window slides without touching the
/// scheduler on every event: it is armed once and, when it fires, re-armed for whatever remains since the last
/// activity, so one timer is pending per customer however many events arrive.
/// </summary>
public sealed class InactivityStateMachine : MassTransitStateMachine<InactivityState>
{
    private readonly TimeProvider _clock;
    private readonly InactivityOptions _settings;

    public InactivityStateMachine(IOptions<InactivityOptions> options, TimeProvider clock, CartRecoveryMetrics metrics)
    {
        _clock = clock;
        _settings = options.Value;
        var settings = _settings;

        InstanceState(x => x.CurrentState);

        Event(() => ItemAdded, x => x.CorrelateById(c => InactivityJourneyId.For(c.Message.CustomerId)));
        Event(() => ProductViewed, x => x.CorrelateById(c => InactivityJourneyId.For(c.Message.CustomerId)));
        Event(() => OrderPlaced, x => x.CorrelateById(c => InactivityJourneyId.For(c.Message.CustomerId)));
        Event(() => EmailOpened, x => x.CorrelateById(c => InactivityJourneyId.For(c.Message.CustomerId)));
        Event(() => EmailClicked, x => x.CorrelateById(c => InactivityJourneyId.For(c.Message.CustomerId)));
        Event(() => CancelRequested, x =>
        {
            x.CorrelateById(c => c.Message.JourneyId);
            x.OnMissingInstance(m => m.Discard());
        });

        Schedule(() => Inactivity, x => x.InactivityTokenId, s =>
        {
            s.Delay = settings.InactiveAfter;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.JourneyId);
                r.OnMissingInstance(m => m.Discard());
            };
        });
        Schedule(() => WinBack, x => x.WinBackTokenId, s =>
        {
            s.Delay = settings.WinBackDelay;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.JourneyId);
                r.OnMissingInstance(m => m.Discard());
            };
        });
        Schedule(() => Sunset, x => x.SunsetTokenId, s =>
        {
            s.Delay = settings.SunsetDelay;
            s.Received = r =>
            {
                r.CorrelateById(c => c.Message.JourneyId);
                r.OnMissingInstance(m => m.Discard());
            };
        });

        Initially(
            Start(ItemAdded, m => m.CustomerId, m => m.EventId),
            Start(ProductViewed, m => m.CustomerId, m => m.EventId),
            Start(OrderPlaced, m => m.CustomerId, m => m.EventId),
            Start(EmailOpened, m => m.CustomerId, m => m.EventId),
            Start(EmailClicked, m => m.CustomerId, m => m.EventId));

        During(Active,
            KeepActive(ItemAdded, m => m.EventId),
            KeepActive(ProductViewed, m => m.EventId),
            KeepActive(OrderPlaced, m => m.EventId),
            KeepActive(EmailOpened, m => m.EventId),
            KeepActive(EmailClicked, m => m.EventId),
            When(Inactivity.Received, c => InactivityRemaining(c.Saga) > TimeSpan.Zero)
                .Schedule(Inactivity,
                    c => new CustomerInactivityElapsed { JourneyId = c.Saga.CorrelationId },
                    c => InactivityRemaining(c.Saga)),
            When(Inactivity.Received, c => InactivityRemaining(c.Saga) <= TimeSpan.Zero)
                .Then(c => MarkLapsed(c.Saga))
                .Send(JourneyEndpoints.EmailDispatcher, c => Email(c.Saga, InactivitySteps.ReEngagement,
                    InactivitySteps.ReEngagementName, c.Saga.ReEngagementEmailRequestedAt!.Value, discountPercent: null))
                .Schedule(WinBack, c => new WinBackDue { JourneyId = c.Saga.CorrelationId })
                .TransitionTo(Lapsed),
            Ignore(WinBack.Received),
            Ignore(Sunset.Received));

        During(Lapsed, WinBackOffered,
            Reengage(ItemAdded, m => m.EventId, lifted: false),
            Reengage(ProductViewed, m => m.EventId, lifted: false),
            Reengage(OrderPlaced, m => m.EventId, lifted: false),
            Reengage(EmailOpened, m => m.EventId, lifted: false),
            Reengage(EmailClicked, m => m.EventId, lifted: false),
            Ignore(Inactivity.Received));

        During(Lapsed,
            When(WinBack.Received)
                .Then(c => MarkWinBackOffered(c.Saga))
                .Send(JourneyEndpoints.EmailDispatcher, c => Email(c.Saga, InactivitySteps.WinBack,
                    InactivitySteps.WinBackName, c.Saga.WinBackEmailRequestedAt!.Value, c.Saga.WinBackDiscountPercent))
                .Schedule(Sunset, c => new SunsetDue { JourneyId = c.Saga.CorrelationId })
                .TransitionTo(WinBackOffered),
            Ignore(Sunset.Received));

        During(WinBackOffered,
            Ignore(WinBack.Received),
            When(Sunset.Received)
                .Then(c =>
                {
                    c.Saga.UnengagedAt = _clock.GetUtcNow();
                    c.Saga.Outcome = InactivityOutcomes.Unengaged;
                })
                .Publish(c => new CustomerMarkedUnengaged { CustomerId = c.Saga.CustomerId, At = c.Saga.UnengagedAt!.Value })
                .TransitionTo(Unengaged));

        // Sunset: no timer runs and no email is due until the customer shows up again.
        During(Unengaged,
            Reengage(ItemAdded, m => m.EventId, lifted: true),
            Reengage(ProductViewed, m => m.EventId, lifted: true),
            Reengage(OrderPlaced, m => m.EventId, lifted: true),
            Reengage(EmailOpened, m => m.EventId, lifted: true),
            Reengage(EmailClicked, m => m.EventId, lifted: true),
            Ignore(Inactivity.Received),
            Ignore(WinBack.Received),
            Ignore(Sunset.Received));

        During(Active, Lapsed, WinBackOffered, Unengaged,
            When(CancelRequested)
                .Then(c =>
                {
                    c.Saga.Outcome = InactivityOutcomes.Cancelled;
                    c.Saga.EndedAt = _clock.GetUtcNow();
                })
                .Unschedule(Inactivity)
                .Unschedule(WinBack)
                .Unschedule(Sunset)
                .Finalize());

        // Cancelled by hand: no activity brings the journey back, so the customer gets no win-back email again.
        During(Final,
            Ignore(ItemAdded),
            Ignore(ProductViewed),
            Ignore(OrderPlaced),
            Ignore(EmailOpened),
            Ignore(EmailClicked),
            Ignore(CancelRequested));

        // A timer the scheduler took before the journey ended still arrives. MassTransit raises its AnyReceived whatever
        // its token and handles that only in DuringAny, which leaves out Final, so Final ignores it or it faults.
        During(Final,
            Ignore(Inactivity.AnyReceived),
            Ignore(Inactivity.Received),
            Ignore(WinBack.AnyReceived),
            Ignore(WinBack.Received),
            Ignore(Sunset.AnyReceived),
            Ignore(Sunset.Received));

        ConnectStateObserver(new JourneyLifecycleMetrics<InactivityState>(JourneyNames.Inactivity, metrics, this, Unengaged));
    }

    public State Active { get; private set; } = null!;
    public State Lapsed { get; private set; } = null!;
    public State WinBackOffered { get; private set; } = null!;
    public State Unengaged { get; private set; } = null!;

    public Event<CartItemAdded> ItemAdded { get; private set; } = null!;
    public Event<ProductViewed> ProductViewed { get; private set; } = null!;
    public Event<OrderPlaced> OrderPlaced { get; private set; } = null!;
    public Event<EmailOpened> EmailOpened { get; private set; } = null!;
    public Event<EmailClicked> EmailClicked { get; private set; } = null!;
    public Event<CancelJourney> CancelRequested { get; private set; } = null!;

    public Schedule<InactivityState, CustomerInactivityElapsed> Inactivity { get; private set; } = null!;
    public Schedule<InactivityState, WinBackDue> WinBack { get; private set; } = null!;
    public Schedule<InactivityState, SunsetDue> Sunset { get; private set; } = null!;

    private EventActivityBinder<InactivityState, T> Start<T>(Event<T> activity, Func<T, string> customerId, Func<T, Guid> eventId)
        where T : class =>
        When(activity)
            .Then(c =>
            {
                c.Saga.CustomerId = customerId(c.Message);
                c.Saga.StartedAt = _clock.GetUtcNow();
                Touch(c.Saga, eventId(c.Message));
            })
            .Schedule(Inactivity, c => new CustomerInactivityElapsed { JourneyId = c.Saga.CorrelationId })
            .TransitionTo(Active);

    /// <summary>Activity while active only moves <see cref="InactivityState.LastActivityAt"/>; the armed timer
    /// notices when it fires.</summary>
    private EventActivityBinder<InactivityState, T> KeepActive<T>(Event<T> activity, Func<T, Guid> eventId)
        where T : class =>
        When(activity).Then(c => Touch(c.Saga, eventId(c.Message)));

    /// <summary>New activity after a lapse returns the customer to active: pending win-back and sunset timers go,
    /// and a fresh inactivity window is armed. Coming back from a sunset also lifts it.</summary>
    private EventActivityBinder<InactivityState, T> Reengage<T>(Event<T> activity, Func<T, Guid> eventId, bool lifted)
        where T : class =>
        When(activity)
            .If(c => !c.Saga.RecentEventIds.Contains(eventId(c.Message)), engaged =>
            {
                var back = engaged
                    .Then(c =>
                    {
                        Touch(c.Saga, eventId(c.Message));
                        c.Saga.ReengagedAt = c.Saga.LastActivityAt;
                        c.Saga.Outcome = null;
                    })
                    .Unschedule(WinBack)
                    .Unschedule(Sunset);
                if (lifted)
                {
                    back = back.Publish(c => new CustomerReengaged { CustomerId = c.Saga.CustomerId, At = c.Saga.LastActivityAt });
                }

                return back
                    .Schedule(Inactivity, c => new CustomerInactivityElapsed { JourneyId = c.Saga.CorrelationId })
                    .TransitionTo(Active);
            });

    private void Touch(InactivityState saga, Guid eventId)
    {
        if (RecentEvents.TryRemember(saga.RecentEventIds, eventId))
        {
            saga.LastActivityAt = _clock.GetUtcNow();
        }
    }

    private TimeSpan InactivityRemaining(InactivityState saga) =>
        saga.LastActivityAt + _settings.InactiveAfter - _clock.GetUtcNow();

    private void MarkLapsed(InactivityState saga)
    {
        var now = _clock.GetUtcNow();
        saga.Lapses++;
        saga.LapseJourneyId = InactivityJourneyId.ForLapse(saga.CorrelationId, saga.Lapses);
        saga.LapsedAt = now;
        saga.ReEngagementEmailRequestedAt = now;
    }

    private void MarkWinBackOffered(InactivityState saga)
    {
        saga.WinBackEmailRequestedAt = _clock.GetUtcNow();
        saga.WinBackDiscountPercent = _settings.WinBackDiscountPercent;
    }

    private static SendJourneyEmail Email(InactivityState saga, int step, string stepName, DateTimeOffset requestedAt,
        int? discountPercent) => new()
    {
        JourneyId = saga.LapseJourneyId!.Value,
        Journey = JourneyNames.Inactivity,
        Step = step,
        StepName = stepName,
        CustomerId = saga.CustomerId,
        RequestedAt = requestedAt,
        Products = [],
        DiscountPercent = discountPercent,
    };
}

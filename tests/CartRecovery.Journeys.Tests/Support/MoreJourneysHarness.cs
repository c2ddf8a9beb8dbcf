using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys.Customers;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Validation;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary><see cref="JourneyHarness"/> with every journey on the bus: the cart journey and the browse,
/// post-purchase and inactivity journeys. One event now reaches several journeys, so <see cref="Publish{T}"/> waits
/// until every journey that consumes it has. Time moves only through <see cref="Advance"/>.</summary>
public sealed class MoreJourneysHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly ConsumeRecorder _recorder = new();
    private readonly ConsumeFaultRecorder _faults = new();
    private readonly StateMachine[] _machines;

    private MoreJourneysHarness(ServiceProvider provider, ITestHarness harness)
    {
        _provider = provider;
        Bus = harness;
        Clock = provider.GetRequiredService<FakeTimeProvider>();
        Carts = harness.GetSagaStateMachineHarness<CartAbandonmentStateMachine, CartAbandonmentState>();
        Browses = harness.GetSagaStateMachineHarness<BrowseAbandonmentStateMachine, BrowseAbandonmentState>();
        Purchases = harness.GetSagaStateMachineHarness<PostPurchaseStateMachine, PostPurchaseState>();
        Customers = harness.GetSagaStateMachineHarness<InactivityStateMachine, InactivityState>();
        _machines = [Carts.StateMachine, Browses.StateMachine, Purchases.StateMachine, Customers.StateMachine];
        harness.Bus.ConnectConsumeObserver(_recorder);
        harness.Bus.ConnectConsumeObserver(_faults);
    }

    public ITestHarness Bus { get; }
    public FakeTimeProvider Clock { get; }
    public ISagaStateMachineTestHarness<CartAbandonmentStateMachine, CartAbandonmentState> Carts { get; }
    public ISagaStateMachineTestHarness<BrowseAbandonmentStateMachine, BrowseAbandonmentState> Browses { get; }
    public ISagaStateMachineTestHarness<PostPurchaseStateMachine, PostPurchaseState> Purchases { get; }
    public ISagaStateMachineTestHarness<InactivityStateMachine, InactivityState> Customers { get; }

    public static async Task<MoreJourneysHarness> Start(IDictionary<string, string?>? settings = null)
    {
        var (provider, harness) = await JourneyTestBus.Start(settings, x => x.AddJourneySagas());
        return new MoreJourneysHarness(provider, harness);
    }

    /// <summary>Publishes and waits until the customer-events endpoint consumed it (once, for every journey that
    /// consumes <typeparamref name="T"/>), so the next step sees its effect everywhere.</summary>
    public async Task Publish<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        var consumed = _machines.Any(m => m.Events.Any(e => e is Event<T>));
        await Bus.Bus.Publish(message, c => c.MessageId = messageId);
        if (consumed)
        {
            await Consumed<T>(c => c.MessageId == messageId);
        }
    }

    /// <summary>Waits until <paramref name="count"/> matching messages were consumed (or fails at the test timeout).</summary>
    public async Task Consumed<T>(Func<ConsumeContext<T>, bool> match, int count = 1)
        where T : class
    {
        await _recorder.WaitFor(match, count, TimeSpan.FromSeconds(10));
    }

    /// <summary>Sends a timer the way the scheduler delivers one that fired as its journey moved on: straight to the
    /// customer-events queue, carrying the scheduling token it was armed with. Waits until it was consumed (or faulted) and
    /// answers its message id.</summary>
    public async Task<Guid> SendAsScheduled<T>(T timer, Guid tokenId)
        where T : class
    {
        var messageId = Guid.NewGuid();
        var endpoint = await Bus.Bus.GetSendEndpoint(JourneyEndpoints.CustomerEvents);
        await endpoint.Send(timer, c =>
        {
            c.MessageId = messageId;
            c.Headers.Set(MessageHeaders.SchedulingTokenId, tokenId.ToString("D"));
        });
        await Consumed<T>(c => c.MessageId == messageId);
        return messageId;
    }

    /// <summary>Why matching messages failed to consume, one entry per failed attempt.</summary>
    public IReadOnlyList<string> FaultsOf<T>(Func<ConsumeContext<T>, bool> match)
        where T : class => _recorder.FaultsOf(match);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ManualScheduler Scheduler => _provider.GetRequiredService<ManualScheduler>();

    public T Service<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Moves the clock, then sends every timer that became due.</summary>
    public async Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        await Scheduler.FireDue();
    }

    /// <summary>The timers still waiting for this browse journey.</summary>
    public IReadOnlyList<object> PendingBrowseTimersFor(Guid journeyId) =>
        [.. Scheduler.Pending.Where(m => m switch
        {
            BrowseQuietPeriodElapsed t => t.JourneyId == journeyId,
            BrowseCooldownElapsed t => t.JourneyId == journeyId,
            _ => false,
        })];

    /// <summary>The timers still waiting for this order's post-purchase journey.</summary>
    public IReadOnlyList<object> PendingPostPurchaseTimersFor(Guid orderId) =>
        [.. Scheduler.Pending.Where(m => m switch
        {
            ReviewRequestDue t => t.OrderId == orderId,
            CrossSellDue t => t.OrderId == orderId,
            _ => false,
        })];

    /// <summary>The timers still waiting for this customer's inactivity journey.</summary>
    public IReadOnlyList<object> PendingInactivityTimersFor(Guid journeyId) =>
        [.. Scheduler.Pending.Where(m => m switch
        {
            CustomerInactivityElapsed t => t.JourneyId == journeyId,
            WinBackDue t => t.JourneyId == journeyId,
            SunsetDue t => t.JourneyId == journeyId,
            _ => false,
        })];

    /// <summary>Every email request of one journey kind, in the order sent (waits for the bus to fall quiet).</summary>
    public async Task<IReadOnlyList<Contracts.SendJourneyEmail>> EmailsOf(string journey) =>
        await Bus.Sent.SelectAsync<Contracts.SendJourneyEmail>(x => x.Context.Message.Journey == journey)
            .Select(x => x.Context.Message).ToListAsync();

    public async Task<CartAbandonmentState> CartIn(Guid cartId, Func<CartAbandonmentStateMachine, State> state)
    {
        var found = await Carts.Exists(cartId, state, TimeSpan.FromSeconds(10));
        Assert.True(found.HasValue, $"cart {cartId} never reached {state(Carts.StateMachine).Name}");
        return Carts.Sagas.Contains(cartId);
    }

    public async Task<BrowseAbandonmentState> BrowseIn(Guid journeyId, Func<BrowseAbandonmentStateMachine, State> state)
    {
        var found = await Browses.Exists(journeyId, state, TimeSpan.FromSeconds(10));
        Assert.True(found.HasValue, $"browse journey {journeyId} never reached {state(Browses.StateMachine).Name}");
        return Browses.Sagas.Contains(journeyId);
    }

    public async Task<PostPurchaseState> PurchaseIn(Guid orderId, Func<PostPurchaseStateMachine, State> state)
    {
        var found = await Purchases.Exists(orderId, state, TimeSpan.FromSeconds(10));
        Assert.True(found.HasValue, $"post-purchase journey {orderId} never reached {state(Purchases.StateMachine).Name}");
        return Purchases.Sagas.Contains(orderId);
    }

    public async Task<InactivityState> CustomerIn(Guid journeyId, Func<InactivityStateMachine, State> state)
    {
        var found = await Customers.Exists(journeyId, state, TimeSpan.FromSeconds(10));
        Assert.True(found.HasValue, $"inactivity journey {journeyId} never reached {state(Customers.StateMachine).Name}");
        return Customers.Sagas.Contains(journeyId);
    }

    /// <summary>Reads the repository itself, not the harness's record of what it saw.</summary>
    public async Task<TState?> Load<TState>(Guid correlationId)
        where TState : class, SagaStateMachineInstance
    {
        var repository = _provider.GetRequiredService<ILoadSagaRepository<TState>>();
        return await repository.Load(correlationId);
    }

    /// <summary>Stops the bus, then fails the spec if any journey faulted on a message along the way.</summary>
    public async ValueTask DisposeAsync()
    {
        await Bus.Stop();
        await _provider.DisposeAsync();
        Assert.Empty(_faults.Faults);
    }
}

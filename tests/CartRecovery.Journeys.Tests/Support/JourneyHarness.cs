using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys.Customers;
using CartRecovery.Journeys.Validation;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>One fresh bus, saga repository and clock per scenario. Time moves only through <see cref="Advance"/>,
/// which moves our clock and the in-memory transport's delays together.</summary>
public sealed class JourneyHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly ConsumeRecorder _recorder = new();

    private JourneyHarness(ServiceProvider provider, ITestHarness harness)
    {
        _provider = provider;
        Bus = harness;
        Clock = provider.GetRequiredService<FakeTimeProvider>();
        Segments = provider.GetRequiredService<FakeCustomerSegments>();
        Rejections = provider.GetRequiredService<RecordingRejectedEventRecorder>();
        DiscountCodes = provider.GetRequiredService<RecordingDiscountCodes>();
        Carts = harness.GetSagaStateMachineHarness<CartAbandonmentStateMachine, CartAbandonmentState>();
        harness.Bus.ConnectConsumeObserver(_recorder);
    }

    public ITestHarness Bus { get; }
    public FakeTimeProvider Clock { get; }
    public FakeCustomerSegments Segments { get; }
    public RecordingRejectedEventRecorder Rejections { get; }
    public RecordingDiscountCodes DiscountCodes { get; }
    public ISagaStateMachineTestHarness<CartAbandonmentStateMachine, CartAbandonmentState> Carts { get; }
    public CartAbandonmentStateMachine CartMachine => Carts.StateMachine;

    public static async Task<JourneyHarness> Start(IDictionary<string, string?>? settings = null)
    {
        // The cart journey alone: the other journeys consume cart events too and have specs of their own.
        var (provider, harness) = await JourneyTestBus.Start(settings,
            x => x.AddJourneyEndpointPipeline()
                .AddSagaStateMachine<CartAbandonmentStateMachine, CartAbandonmentState, JourneyStateDefinition<CartAbandonmentState>>());
        return new JourneyHarness(provider, harness);
    }

    /// <summary>Publishes and waits until the bus has consumed it, so the next step sees its effect.</summary>
    public async Task Publish<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await Bus.Bus.Publish(message, c => c.MessageId = messageId);
        await Consumed<T>(c => c.MessageId == messageId);
    }

    /// <summary>Waits until <paramref name="count"/> matching messages were consumed (or fails at the test timeout).</summary>
    public async Task Consumed<T>(Func<ConsumeContext<T>, bool> match, int count = 1)
        where T : class
    {
        await _recorder.WaitFor(match, count, TimeSpan.FromSeconds(10));
    }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The timers still waiting for this cart.</summary>
    public IReadOnlyList<object> PendingTimersFor(Guid cartId) =>
        [.. Scheduler.Pending.Where(m => m switch
        {
            CartIdleTimeoutElapsed t => t.CartId == cartId,
            CheckoutIdleTimeoutElapsed t => t.CartId == cartId,
            DiscountFollowUpDue t => t.CartId == cartId,
            CartJourneyExpired t => t.CartId == cartId,
            _ => false,
        })];

    public ManualScheduler Scheduler => _provider.GetRequiredService<ManualScheduler>();

    /// <summary>Moves the clock, then sends every timer that became due.</summary>
    public async Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        await Scheduler.FireDue();
    }

    public async Task<CartAbandonmentState> CartIn(Guid cartId, Func<CartAbandonmentStateMachine, State> state)
    {
        var found = await Carts.Exists(cartId, state, TimeSpan.FromSeconds(10));
        Assert.True(found.HasValue, $"cart {cartId} never reached {state(CartMachine).Name}");
        return Carts.Sagas.Contains(cartId);
    }

    /// <summary>Reads the repository itself, not the harness's record of what it saw.</summary>
    public async Task<CartAbandonmentState?> LoadCart(Guid cartId)
    {
        var repository = _provider.GetRequiredService<ILoadSagaRepository<CartAbandonmentState>>();
        return await repository.Load(cartId);
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.Stop();
        await _provider.DisposeAsync();
    }
}

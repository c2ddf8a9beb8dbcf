using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Journeys.Telemetry;

/// <summary>
/// Counts journeys started and ended from their state changes, so no journey has to remember to, and only once the
/// change is committed. A journey that runs in rounds (browse, win-back) counts each round: a round ends in one of
/// the given round-ending states and the next starts when the journey leaves it again, so started minus ended is
/// always what is running. A tombstone, finalized straight from <c>Initial</c> because the order or cancellation
/// came first, is neither: no journey ran.
/// </summary>
public sealed class JourneyLifecycleMetrics<TState>(
    string journey,
    CartRecoveryMetrics metrics,
    StateMachine<TState> machine,
    params State[] roundEnds)
    : IStateObserver<TState>
    where TState : class, SagaStateMachineInstance, IJourneyState
{
    public Task StateChanged(BehaviorContext<TState> context, State currentState, State previousState)
    {
        var wasIdle = Equals(previousState, machine.Initial) || roundEnds.Contains(previousState);
        var isIdle = Equals(currentState, machine.Final) || roundEnds.Contains(currentState);
        if (wasIdle == isIdle)
        {
            return Task.CompletedTask;
        }

        var afterCommit = AfterCommit(context);
        if (isIdle)
        {
            var outcome = context.Saga.Outcome ?? "none";
            afterCommit.Add(() => metrics.JourneyEnded(journey, outcome));
        }
        else
        {
            afterCommit.Add(() => metrics.JourneyStarted(journey));
        }

        return Task.CompletedTask;
    }

    // The message's own scope holds its transaction's after-commit list; without one there is no transaction.
    private static IAfterCommit AfterCommit(BehaviorContext<TState> context) =>
        context.TryGetPayload(out IServiceScope? scope) ? scope.ServiceProvider.GetRequiredService<IAfterCommit>()
        : new ImmediateAfterCommit();
}

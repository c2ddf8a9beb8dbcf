using MassTransit;

namespace CartRecovery.Journeys.Telemetry;

/// <summary>
/// Counts journeys started and ended from their state changes, so no journey has to remember to. A journey starts
/// when it leaves <c>Initial</c> and ends when it reaches <c>Final</c> or one of the given round-ending states (a
/// journey that runs in rounds ends each round). A tombstone, finalized straight from <c>Initial</c> because the
/// order or cancellation came first, is neither: no journey ran.
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
        var started = Equals(previousState, machine.Initial);
        var ended = Equals(currentState, machine.Final) || roundEnds.Contains(currentState);
        if (started && ended)
        {
            return Task.CompletedTask;
        }

        if (started)
        {
            metrics.JourneyStarted(journey);
        }

        if (ended)
        {
            metrics.JourneyEnded(journey, context.Saga.Outcome ?? "none");
        }

        return Task.CompletedTask;
    }
}

using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Persistence.Sagas;

/// <summary>The id-correlated events of one saga's state machine, read from the machine itself.</summary>
public sealed class JourneyCorrelations<TSaga>(IServiceProvider services) : IJourneyCorrelations
    where TSaga : class, SagaStateMachineInstance
{
    public IEnumerable<(Type MessageType, JourneyCorrelation Correlation)> ByMessageType()
    {
        var machine = services.GetRequiredService<SagaStateMachine<TSaga>>();
        foreach (var correlation in machine.Correlations)
        {
            var build = typeof(JourneyCorrelations<TSaga>).GetMethod(nameof(ForMessage), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(correlation.DataType);
            if (build.Invoke(null, [correlation]) is JourneyCorrelation byId)
            {
                yield return (correlation.DataType, byId);
            }
        }
    }

    private static JourneyCorrelation? ForMessage<TMessage>(EventCorrelation correlation)
        where TMessage : class =>
        correlation is EventCorrelation<TSaga, TMessage> typed && StateMachineEventCorrelation<TSaga, TMessage>.IsById(typed)
            ? new StateMachineEventCorrelation<TSaga, TMessage>(typed)
            : null;
}

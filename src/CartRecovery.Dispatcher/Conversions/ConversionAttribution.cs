using CartRecovery.Contracts;
using CartRecovery.Journeys.Telemetry;
using MassTransit;

namespace CartRecovery.Dispatcher.Conversions;

/// <summary>Credits every order to the email before it (<see cref="OrderAttribution"/>) and counts the conversion
/// and its revenue.</summary>
public sealed class ConversionAttribution(OrderAttribution attribution, CartRecoveryMetrics metrics, IAfterCommit afterCommit)
    : IConsumer<OrderPlaced>
{
    public Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var order = context.Message;
        return attribution.CreditOrder(order,
            credit => afterCommit.Add(() => metrics.Converted(credit.Journey, credit.Step, credit.Treatment, order.Total, order.Currency)),
            context.CancellationToken);
    }
}

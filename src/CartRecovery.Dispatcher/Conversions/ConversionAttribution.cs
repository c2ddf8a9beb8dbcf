using CartRecovery.Contracts;
using CartRecovery.Journeys.Telemetry;
using MassTransit;

namespace CartRecovery.Dispatcher.Conversions;

/// <summary>Credits every order to the email before it (<see cref="OrderAttribution"/>) and counts the conversion
/// and its revenue.</summary>
public sealed class ConversionAttribution(OrderAttribution attribution, CartRecoveryMetrics metrics, IAfterCommit afterCommit)
    : IConsumer<OrderPlaced>
{
    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var order = context.Message;
        foreach (var credit in await attribution.CreditOrder(order, context.CancellationToken))
        {
            afterCommit.Add(() => metrics.Converted(credit.Journey, credit.Step, credit.Treatment, order.Total, order.Currency));
        }
    }
}

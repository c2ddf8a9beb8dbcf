using CartRecovery.Journeys;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CartRecovery.Service.Operations;

/// <summary>
/// Upgrade step: removes the bindings of event exchanges that customer-events no longer consumes, which an earlier
/// version left behind (the bus only ever adds bindings). Without it every such event would still be delivered, only
/// to be skipped. Runs at every start; where a binding or exchange is already gone it does nothing.
/// </summary>
public sealed partial class RetiredEventBindings(Uri rabbitMq, ILogger<RetiredEventBindings> logger)
{
    /// <summary>Exchange names are the events' wire identity (namespace:type).</summary>
    public static readonly IReadOnlyList<string> Exchanges =
    [
        // The cart journey revokes its own discount codes now, in the commit that ends it.
        "CartRecovery.Contracts:CartJourneyEnded",
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "cartrecovery-retired-bindings" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        foreach (var exchange in Exchanges)
        {
            // A channel per exchange: a missing exchange closes the channel it was asked on.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.ExchangeUnbindAsync(JourneyEndpoints.CustomerEventsQueue, exchange, routingKey: "", cancellationToken: cancellationToken);
                LogUnbound(exchange);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Events from {Exchange} no longer go to customer-events")]
    private partial void LogUnbound(string exchange);
}

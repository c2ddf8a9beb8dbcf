using CartRecovery.Journeys;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CartRecovery.Service.Operations;

/// <summary>
/// Upgrade step for installations that ran one queue per journey: unbinds each old queue's exchange so no new
/// event reaches it, moves what waits in it to customer-events (publisher confirms before each ack, so a crash
/// leaves a message in both queues, and the inbox drops the copy, never in neither), then deletes the emptied
/// queue. Runs at every start; on a new installation it finds nothing to do.
/// </summary>
public sealed partial class LegacyQueueDrain(Uri rabbitMq, ILogger<LegacyQueueDrain> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "cartrecovery-legacy-queue-drain" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var moved = 0;
        foreach (var queue in LegacyEventQueues.Names)
        {
            await Unbind(connection, queue, cancellationToken);
            moved += await Move(connection, queue, cancellationToken);
        }

        return moved;
    }

    private static async Task Unbind(IConnection connection, string exchange, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.ExchangeDeleteAsync(exchange, ifUnused: false, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
        }
    }

    private async Task<int> Move(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        uint waiting;
        try
        {
            waiting = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return 0;
        }

        var moved = 0;
        while (moved < waiting && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } delivery)
        {
            await channel.BasicPublishAsync("", JourneyEndpoints.CustomerEventsQueue, mandatory: true,
                new BasicProperties(delivery.BasicProperties), delivery.Body, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: true, cancellationToken: cancellationToken);
        LogDrained(queue, moved);
        return moved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Moved} waiting messages from the retired queue {Queue} to customer-events and deleted it")]
    private partial void LogDrained(string queue, int moved);
}

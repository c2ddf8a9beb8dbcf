using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Looks into and arranges broker queues directly, without a MassTransit endpoint that would consume them.</summary>
public sealed class BrokerQueues : IAsyncDisposable
{
    private readonly IConnection _connection;

    private BrokerQueues(IConnection connection) => _connection = connection;

    public static async Task<BrokerQueues> Connect(Uri rabbitMq) =>
        new(await new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "integration-spec-queues" }.CreateConnectionAsync());

    /// <summary>Ready messages (exact, from a passive declare); 0 when the queue does not exist.</summary>
    public async Task<uint> Ready(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>Empties a queue that may not exist yet (MassTransit declares an error queue at its first fault).</summary>
    public async Task Purge(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            await channel.QueuePurgeAsync(queue);
        }
        catch (OperationInterruptedException)
        {
        }
    }

    public async Task Declare(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
    }

    /// <summary>Whether the queue exists (a passive declare on a channel of its own, which a missing queue closes).</summary>
    public async Task<bool> Exists(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    /// <summary>The topology MassTransit gave a consumer queue: a durable queue behind an exchange of its name,
    /// which the exchange of <paramref name="messageExchange"/> feeds.</summary>
    public async Task DeclareConsumerQueue(string queue, string messageExchange)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, queue, "");
        await channel.ExchangeDeclareAsync(messageExchange, ExchangeType.Fanout, durable: true);
        await channel.ExchangeBindAsync(queue, messageExchange, "");
    }

    public async Task Delete(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
    }

    public async Task Put(string queue, BasicProperties properties, byte[] body)
    {
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, body);
    }

    /// <summary>Binds a message exchange to a consumer queue's exchange, as an earlier version's bus did.</summary>
    public async Task Bind(string queue, string messageExchange)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(messageExchange, ExchangeType.Fanout, durable: true);
        await channel.ExchangeBindAsync(queue, messageExchange, "");
    }

    /// <summary>Publishes to message exchanges on one channel, with confirms: messages that land in one queue land in
    /// this order.</summary>
    public async Task PublishInOrder(params (string Exchange, BasicProperties Properties, byte[] Body)[] messages)
    {
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        foreach (var (exchange, properties, body) in messages)
        {
            await channel.BasicPublishAsync(exchange, "", mandatory: false, properties, body);
        }
    }

    /// <summary>Takes the next message off a queue (acknowledged at once), or null when it is empty.</summary>
    public async Task<BasicGetResult?> Take(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

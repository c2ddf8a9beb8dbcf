using RabbitMQ.Client;

namespace CartRecovery.Benchmarks;

/// <summary>Ready-message counts of queues, read with a passive declare (exact, no statistics delay).</summary>
internal sealed class QueueDepth(IConnection connection) : IAsyncDisposable
{
    public async Task<long> Ready(string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue);
            return ok.MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}

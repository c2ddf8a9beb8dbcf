using CartRecovery.Service.Operations;

namespace CartRecovery.Service.Hosting;

/// <summary>Upgrade steps that touch the broker: drains the retired per-journey queues once the bus (and so
/// customer-events) is up, and removes bindings customer-events no longer consumes.</summary>
public sealed class BrokerUpgradeHostedService(LegacyQueueDrain drain, RetiredEventBindings bindings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await drain.RunAsync(cancellationToken);
        await bindings.RunAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

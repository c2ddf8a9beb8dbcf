using CartRecovery.Service.Operations;

namespace CartRecovery.Service.Hosting;

/// <summary>Drains the retired per-journey queues once the bus (and so customer-events) is up.</summary>
public sealed class LegacyQueueDrainHostedService(LegacyQueueDrain drain) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => drain.RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using MassTransit;
using MassTransit.Logging;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>The shop's side of the scale run: a bus of the benchmark's own that publishes cart events to the broker,
/// where the service (its own process) consumes them.</summary>
internal sealed class ScalePublisher : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private ScalePublisher(IBusControl bus) => _bus = bus;

    public IBus Bus => _bus;

    public static async Task<ScalePublisher> Start(BenchEnvironment env)
    {
        LogContext.Current = null;
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(env.RabbitMq));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);
        return new ScalePublisher(bus);
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}

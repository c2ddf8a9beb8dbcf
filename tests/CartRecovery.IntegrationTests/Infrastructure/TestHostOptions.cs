using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Infrastructure;

public sealed class TestHostOptions
{
    /// <summary>Configuration on top of the defaults (short delays, quiet logs).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public Action<IBusRegistrationConfigurator>? Registration { get; set; }
    public Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? Bus { get; set; }
    public Action<IServiceCollection>? Services { get; set; }

    /// <summary>Empty the fixed-name queues first, so a scenario starts from a clean broker. MassTransit purges
    /// again whenever an endpoint reconnects, so specs that cut the broker must leave this off.</summary>
    public bool PurgeQueues { get; set; }

    /// <summary>Override the broker address, e.g. to go through a proxy the spec can cut.</summary>
    public Uri? RabbitMq { get; set; }
}

using MassTransit;
using MassTransit.Configuration;

namespace CartRecovery.Persistence.Outbox;

/// <summary>Puts <see cref="ConsumerTurnFilter{T}"/> in front of every consumer and saga of the endpoint.</summary>
public sealed class ConsumerTurnObserver : ConfigurationObserver, IMessageConfigurationObserver
{
    public ConsumerTurnObserver(IConsumePipeConfigurator endpoint)
        : base(endpoint) =>
        Connect(this);

    public void MessageConfigured<TMessage>(IConsumePipeConfigurator configurator)
        where TMessage : class =>
        configurator.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TMessage>>(new ConsumerTurnFilter<TMessage>()));
}

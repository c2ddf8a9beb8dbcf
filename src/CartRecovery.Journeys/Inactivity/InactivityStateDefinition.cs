using CartRecovery.Contracts;
using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Inactivity;

public sealed class InactivityStateDefinition : SagaDefinition<InactivityState>
{
    private readonly JourneyEndpointOptions _options;
    private readonly IJourneyEndpointOutbox _outbox;

    public InactivityStateDefinition(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    {
        _options = options.Value;
        _outbox = outbox;
        Endpoint(e => e.Name = JourneyNames.Inactivity);
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<InactivityState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseJourneyPipeline(context, _options, _outbox);

        // Events of one customer wait for each other in-process instead of fighting over the row lock.
        var partition = endpointConfigurator.CreatePartitioner(_options.ConcurrentMessageLimit);
        sagaConfigurator.Message<CartItemAdded>(m => m.UsePartitioner(partition, c => InactivityJourneyId.For(c.Message.CustomerId)));
        sagaConfigurator.Message<ProductViewed>(m => m.UsePartitioner(partition, c => InactivityJourneyId.For(c.Message.CustomerId)));
        sagaConfigurator.Message<OrderPlaced>(m => m.UsePartitioner(partition, c => InactivityJourneyId.For(c.Message.CustomerId)));
        sagaConfigurator.Message<EmailOpened>(m => m.UsePartitioner(partition, c => InactivityJourneyId.For(c.Message.CustomerId)));
        sagaConfigurator.Message<EmailClicked>(m => m.UsePartitioner(partition, c => InactivityJourneyId.For(c.Message.CustomerId)));
        sagaConfigurator.Message<CustomerInactivityElapsed>(m => m.UsePartitioner(partition, c => c.Message.JourneyId));
        sagaConfigurator.Message<WinBackDue>(m => m.UsePartitioner(partition, c => c.Message.JourneyId));
        sagaConfigurator.Message<SunsetDue>(m => m.UsePartitioner(partition, c => c.Message.JourneyId));
    }
}

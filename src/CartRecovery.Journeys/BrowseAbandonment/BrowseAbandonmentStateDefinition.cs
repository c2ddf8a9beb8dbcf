using CartRecovery.Contracts;
using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.BrowseAbandonment;

public sealed class BrowseAbandonmentStateDefinition : SagaDefinition<BrowseAbandonmentState>
{
    private readonly JourneyEndpointOptions _options;
    private readonly IJourneyEndpointOutbox _outbox;

    public BrowseAbandonmentStateDefinition(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    {
        _options = options.Value;
        _outbox = outbox;
        Endpoint(e => e.Name = JourneyNames.BrowseAbandonment);
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<BrowseAbandonmentState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseJourneyPipeline(context, _options, _outbox);

        // Events of one customer and product wait for each other in-process instead of fighting over the row lock.
        var partition = endpointConfigurator.CreatePartitioner(_options.ConcurrentMessageLimit);
        sagaConfigurator.Message<ProductViewed>(m =>
            m.UsePartitioner(partition, c => BrowseJourneyId.For(c.Message.CustomerId, c.Message.Sku)));
        sagaConfigurator.Message<CartItemAdded>(m =>
            m.UsePartitioner(partition, c => BrowseJourneyId.For(c.Message.CustomerId, c.Message.Item.Sku)));
        sagaConfigurator.Message<OrderPlaced>(m => m.UsePartitioner(partition, c => BrowseJourneyId.ForOrder(c.Message)));
        sagaConfigurator.Message<BrowseQuietPeriodElapsed>(m => m.UsePartitioner(partition, c => c.Message.JourneyId));
        sagaConfigurator.Message<BrowseCooldownElapsed>(m => m.UsePartitioner(partition, c => c.Message.JourneyId));
    }
}

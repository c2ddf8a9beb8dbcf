using CartRecovery.Contracts;
using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.PostPurchase;

public sealed class PostPurchaseStateDefinition : SagaDefinition<PostPurchaseState>
{
    private readonly JourneyEndpointOptions _options;
    private readonly IJourneyEndpointOutbox _outbox;

    public PostPurchaseStateDefinition(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    {
        _options = options.Value;
        _outbox = outbox;
        Endpoint(e => e.Name = JourneyNames.PostPurchase);
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<PostPurchaseState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseJourneyPipeline(context, _options, _outbox);

        // Events of one order wait for each other in-process instead of fighting over the row lock.
        var partition = endpointConfigurator.CreatePartitioner(_options.ConcurrentMessageLimit);
        sagaConfigurator.Message<OrderPlaced>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        sagaConfigurator.Message<OrderShipped>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        sagaConfigurator.Message<OrderDelivered>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        sagaConfigurator.Message<OrderCancelled>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        sagaConfigurator.Message<ReviewRequestDue>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        sagaConfigurator.Message<CrossSellDue>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
    }
}

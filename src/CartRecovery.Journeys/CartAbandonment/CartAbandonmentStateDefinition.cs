using CartRecovery.Contracts;
using CartRecovery.Journeys.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.CartAbandonment;

public sealed class CartAbandonmentStateDefinition : SagaDefinition<CartAbandonmentState>
{
    private readonly JourneyEndpointOptions _options;
    private readonly IJourneyEndpointOutbox _outbox;

    public CartAbandonmentStateDefinition(IOptions<JourneyEndpointOptions> options, IJourneyEndpointOutbox outbox)
    {
        _options = options.Value;
        _outbox = outbox;
        Endpoint(e => e.Name = JourneyNames.CartAbandonment);
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<CartAbandonmentState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseJourneyPipeline(context, _options, _outbox);

        // Events of one cart wait for each other in-process instead of fighting over the row lock.
        var partition = endpointConfigurator.CreatePartitioner(_options.ConcurrentMessageLimit);
        sagaConfigurator.Message<CartItemAdded>(m => m.UsePartitioner(partition, c => c.Message.CartId));
        sagaConfigurator.Message<CartItemRemoved>(m => m.UsePartitioner(partition, c => c.Message.CartId));
        sagaConfigurator.Message<CheckoutStarted>(m => m.UsePartitioner(partition, c => c.Message.CartId));
        sagaConfigurator.Message<OrderPlaced>(m => m.UsePartitioner(partition, c => c.Message.CartId ?? c.Message.OrderId));
        sagaConfigurator.Message<CancelJourney>(m => m.UsePartitioner(partition, c => c.Message.JourneyId));
        sagaConfigurator.Message<CartIdleTimeoutElapsed>(m => m.UsePartitioner(partition, c => c.Message.CartId));
        sagaConfigurator.Message<DiscountFollowUpDue>(m => m.UsePartitioner(partition, c => c.Message.CartId));
        sagaConfigurator.Message<CartJourneyExpired>(m => m.UsePartitioner(partition, c => c.Message.CartId));
    }
}

using CartRecovery.Contracts;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;
using MassTransit;

namespace CartRecovery.Dispatcher;

/// <summary>A cart journey that ends without the order it was meant to win revokes its unused codes.</summary>
public sealed class DiscountCodeRevoker(JourneyDbContext dbContext, MessageConnection messageConnection, PendingRowWrites writes) : IConsumer<CartJourneyEnded>
{
    public async Task Consume(ConsumeContext<CartJourneyEnded> context)
    {
        if (context.Message.Outcome != CartJourneyOutcomes.Recovered)
        {
            await dbContext.WriteInMessageTransaction(messageConnection, writes,
                ["UPDATE discount_code SET status = 'revoked' WHERE journey_id = @journey_id AND status = 'issued'"],
                context.CancellationToken, ("journey_id", context.Message.CartId));
        }
    }
}

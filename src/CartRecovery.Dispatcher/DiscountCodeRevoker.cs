using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using MassTransit;

namespace CartRecovery.Dispatcher;

/// <summary>Revokes the codes of journeys whose <see cref="CartJourneyEnded"/> was queued on customer-events before
/// the journey began revoking them itself (<see cref="RevokeUnusedDiscountCodesActivity"/>). New ones no longer reach
/// the queue (<see cref="DiscountCodeRevokerDefinition"/>).</summary>
public sealed class DiscountCodeRevoker(IUnusedDiscountCodes codes) : IConsumer<CartJourneyEnded>
{
    public Task Consume(ConsumeContext<CartJourneyEnded> context) =>
        context.Message.Outcome == CartJourneyOutcomes.Recovered
            ? Task.CompletedTask
            : codes.RevokeAsync(context.Message.CartId, context.CancellationToken);
}

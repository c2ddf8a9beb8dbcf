using CartRecovery.Contracts;
using MassTransit;

namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>A journey that ends without the order it was meant to win revokes its unused codes in the same commit as
/// its end. (They were revoked by a consumer of <see cref="CartJourneyEnded"/> before: one more delivery and
/// transaction for every cart.) An activity because the code store is a scoped service.</summary>
public sealed class RevokeUnusedDiscountCodesActivity(IUnusedDiscountCodes codes) : IStateMachineActivity<CartAbandonmentState>
{
    public async Task Execute(BehaviorContext<CartAbandonmentState> context, IBehavior<CartAbandonmentState> next)
    {
        await Revoke(context);
        await next.Execute(context);
    }

    public async Task Execute<T>(BehaviorContext<CartAbandonmentState, T> context, IBehavior<CartAbandonmentState, T> next)
        where T : class
    {
        await Revoke(context);
        await next.Execute(context);
    }

    public Task Faulted<TException>(
        BehaviorExceptionContext<CartAbandonmentState, TException> context,
        IBehavior<CartAbandonmentState> next)
        where TException : Exception => next.Faulted(context);

    public Task Faulted<T, TException>(
        BehaviorExceptionContext<CartAbandonmentState, T, TException> context,
        IBehavior<CartAbandonmentState, T> next)
        where T : class
        where TException : Exception => next.Faulted(context);

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    public void Probe(ProbeContext context) => context.CreateScope("revoke-unused-discount-codes");

    // Only the discount step's email carries a code, so a journey that never asked for it has none to revoke, and most
    // carts end without one: the statement it saves was one in seven of a cart's writes (docs/profiling.md).
    private Task Revoke(BehaviorContext<CartAbandonmentState> context) =>
        context.Saga.Outcome == CartJourneyOutcomes.Recovered || context.Saga.DiscountEmailRequestedAt is null
            ? Task.CompletedTask
            : codes.RevokeAsync(context.Saga.CorrelationId, context.CancellationToken);
}

using CartRecovery.Contracts;
using MassTransit;

namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>The steps every ending of a cart journey repeats, named once.</summary>
public static class CartAbandonmentBinderExtensions
{
    public static EventActivityBinder<CartAbandonmentState, T> PublishJourneyEnded<T>(
        this EventActivityBinder<CartAbandonmentState, T> binder)
        where T : class =>
        binder.Publish(c => new CartJourneyEnded
        {
            CartId = c.Saga.CorrelationId,
            CustomerId = c.Saga.CustomerId,
            Outcome = c.Saga.Outcome!,
            EndedAt = c.Saga.EndedAt!.Value,
            OrderId = c.Saga.OrderId,
        });

    public static EventActivityBinder<CartAbandonmentState, T> UnscheduleAll<T>(
        this EventActivityBinder<CartAbandonmentState, T> binder,
        CartAbandonmentStateMachine machine)
        where T : class =>
        binder
            .Unschedule(machine.IdleTimeout)
            .Unschedule(machine.CheckoutIdleTimeout)
            .Unschedule(machine.DiscountFollowUp)
            .Unschedule(machine.Expiry);
}

using CartRecovery.Contracts;
using CartRecovery.Journeys.Customers;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>Step 2: asks for the discount email, with the larger discount for a VIP's valuable cart. An activity
/// rather than inline code because the VIP answer comes from a scoped service.</summary>
public sealed class RequestDiscountEmailActivity(
    ICustomerSegments segments,
    IOptions<CartAbandonmentOptions> options,
    TimeProvider clock)
    : IStateMachineActivity<CartAbandonmentState, DiscountFollowUpDue>
{
    public async Task Execute(
        BehaviorContext<CartAbandonmentState, DiscountFollowUpDue> context,
        IBehavior<CartAbandonmentState, DiscountFollowUpDue> next)
    {
        var saga = context.Saga;
        var cartValue = CartLines.Value(saga.Lines);
        var settings = options.Value;
        var isVip = await segments.IsVipAsync(saga.CustomerId, context.CancellationToken);
        var percent = isVip && cartValue > settings.VipCartValueThreshold
            ? settings.VipDiscountPercent
            : settings.StandardDiscountPercent;

        var now = clock.GetUtcNow();
        saga.DiscountPercent = percent;
        saga.DiscountEmailRequestedAt = now;

        var endpoint = await context.GetSendEndpoint(JourneyEndpoints.EmailDispatcher);
        await endpoint.Send(
            new SendJourneyEmail
            {
                JourneyId = saga.CorrelationId,
                Journey = JourneyNames.CartAbandonment,
                Step = CartAbandonmentSteps.Discount,
                StepName = CartAbandonmentSteps.DiscountName,
                CustomerId = saga.CustomerId,
                RequestedAt = now,
                Products = [.. saga.Lines],
                CartValue = cartValue,
                Currency = CartLines.Currency(saga.Lines),
                DiscountPercent = percent,
                CartId = saga.CorrelationId,
                Experiment = CartAbandonmentExperiments.Of(saga),
                Variant = saga.Variant,
            },
            context.CancellationToken);

        await next.Execute(context);
    }

    public Task Faulted<TException>(
        BehaviorExceptionContext<CartAbandonmentState, DiscountFollowUpDue, TException> context,
        IBehavior<CartAbandonmentState, DiscountFollowUpDue> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("request-discount-email");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}

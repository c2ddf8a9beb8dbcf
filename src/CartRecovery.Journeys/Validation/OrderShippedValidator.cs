using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class OrderShippedValidator : AbstractValidator<OrderShipped>
{
    public OrderShippedValidator(TimeProvider clock)
    {
        RuleFor(x => x.EventId).RequiredId();
        RuleFor(x => x.OccurredAt).SaneTimestamp(clock);
        RuleFor(x => x.CustomerId).CustomerIdentifier();
        RuleFor(x => x.OrderId).RequiredId();
        RuleFor(x => x.Carrier).MaximumLength(64);
        RuleFor(x => x.TrackingNumber).MaximumLength(64);
        RuleFor(x => x.TrackingUrl).HttpUrl();
    }
}

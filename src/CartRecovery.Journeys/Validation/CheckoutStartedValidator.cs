using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class CheckoutStartedValidator : AbstractValidator<CheckoutStarted>
{
    public CheckoutStartedValidator(TimeProvider clock)
    {
        RuleFor(x => x.EventId).RequiredId();
        RuleFor(x => x.OccurredAt).SaneTimestamp(clock);
        RuleFor(x => x.CustomerId).CustomerIdentifier();
        RuleFor(x => x.CartId).RequiredId();
    }
}

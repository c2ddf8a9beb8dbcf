using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class CustomerUnsubscribedValidator : AbstractValidator<CustomerUnsubscribed>
{
    public CustomerUnsubscribedValidator(TimeProvider clock)
    {
        RuleFor(x => x.EventId).RequiredId();
        RuleFor(x => x.OccurredAt).SaneTimestamp(clock);
        RuleFor(x => x.CustomerId).CustomerIdentifier();
        RuleFor(x => x.Source).MaximumLength(32);
    }
}

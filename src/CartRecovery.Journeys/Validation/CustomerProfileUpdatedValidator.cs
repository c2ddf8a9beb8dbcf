using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class CustomerProfileUpdatedValidator : AbstractValidator<CustomerProfileUpdated>
{
    public CustomerProfileUpdatedValidator(TimeProvider clock)
    {
        RuleFor(x => x.EventId).RequiredId();
        RuleFor(x => x.OccurredAt).SaneTimestamp(clock);
        RuleFor(x => x.CustomerId).CustomerIdentifier();
        RuleFor(x => x.Email).NotEmpty().MaximumLength(320).EmailAddress();
        RuleFor(x => x.FirstName).MaximumLength(100);
        RuleFor(x => x.TimeZone).TimeZoneId();
        RuleFor(x => x.Locale).LocaleTag();
    }
}

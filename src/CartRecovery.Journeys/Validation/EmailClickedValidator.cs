using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class EmailClickedValidator : AbstractValidator<EmailClicked>
{
    public EmailClickedValidator(TimeProvider clock)
    {
        RuleFor(x => x.EventId).RequiredId();
        RuleFor(x => x.OccurredAt).SaneTimestamp(clock);
        RuleFor(x => x.CustomerId).CustomerIdentifier();
        RuleFor(x => x.JourneyId).RequiredId();
        RuleFor(x => x.Step).GreaterThan(0);
        RuleFor(x => x.Url).NotNull().HttpUrl();
    }
}

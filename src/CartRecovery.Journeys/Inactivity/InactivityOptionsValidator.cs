using FluentValidation;

namespace CartRecovery.Journeys.Inactivity;

public sealed class InactivityOptionsValidator : AbstractValidator<InactivityOptions>
{
    public InactivityOptionsValidator()
    {
        RuleFor(x => x.InactiveAfter).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.WinBackDelay).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.SunsetDelay).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.WinBackDiscountPercent).InclusiveBetween(0, 90);
    }
}

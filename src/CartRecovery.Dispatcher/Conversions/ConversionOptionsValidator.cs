using FluentValidation;

namespace CartRecovery.Dispatcher.Conversions;

public sealed class ConversionOptionsValidator : AbstractValidator<ConversionOptions>
{
    public ConversionOptionsValidator()
    {
        RuleFor(x => x.AttributionWindow).GreaterThan(TimeSpan.Zero).LessThanOrEqualTo(TimeSpan.FromDays(90));
    }
}

using FluentValidation;

namespace CartRecovery.Journeys.Configuration;

public sealed class JourneyEndpointOptionsValidator : AbstractValidator<JourneyEndpointOptions>
{
    public JourneyEndpointOptionsValidator()
    {
        RuleFor(x => x.ConcurrentMessageLimit).InclusiveBetween(1, 1024);
        RuleFor(x => x.RetryIntervals).NotEmpty();
        RuleForEach(x => x.RetryIntervals).GreaterThanOrEqualTo(TimeSpan.Zero);
    }
}

using FluentValidation;

namespace CartRecovery.Journeys.Configuration;

public sealed class JourneyEndpointOptionsValidator : AbstractValidator<JourneyEndpointOptions>
{
    public JourneyEndpointOptionsValidator()
    {
        RuleFor(x => x.ConcurrentMessageLimit).InclusiveBetween(1, 1024);
        RuleFor(x => x.CustomerEventsConcurrentMessageLimit).InclusiveBetween(1, 1024);
        RuleFor(x => x.RetryIntervals).NotEmpty();
        RuleForEach(x => x.RetryIntervals).GreaterThanOrEqualTo(TimeSpan.Zero);
        RuleFor(x => x.RedeliveryIntervals).NotEmpty();
        RuleForEach(x => x.RedeliveryIntervals).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.KillSwitchActivationThreshold).GreaterThanOrEqualTo(1);
        RuleFor(x => x.KillSwitchTripThreshold).GreaterThan(0).LessThanOrEqualTo(1);
        RuleFor(x => x.KillSwitchRestartTimeout).GreaterThan(TimeSpan.Zero);
    }
}

using FluentValidation;

namespace CartRecovery.Service.Tracking;

public sealed class TrackingRateLimitOptionsValidator : AbstractValidator<TrackingRateLimitOptions>
{
    public TrackingRateLimitOptionsValidator()
    {
        RuleFor(x => x.PermitLimit).GreaterThan(0);
        RuleFor(x => x.Window).GreaterThan(TimeSpan.Zero);
    }
}

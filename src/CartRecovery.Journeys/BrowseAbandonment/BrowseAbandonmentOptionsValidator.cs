using FluentValidation;

namespace CartRecovery.Journeys.BrowseAbandonment;

public sealed class BrowseAbandonmentOptionsValidator : AbstractValidator<BrowseAbandonmentOptions>
{
    public BrowseAbandonmentOptionsValidator()
    {
        RuleFor(x => x.MinViews).InclusiveBetween(1, 100);
        RuleFor(x => x.ViewWindow).GreaterThan(TimeSpan.Zero);
        // Collectors report view durations up to 12 hours; a higher threshold could never be met.
        RuleFor(x => x.LongViewThreshold).GreaterThan(TimeSpan.Zero).LessThanOrEqualTo(TimeSpan.FromHours(12));
        RuleFor(x => x.QuietPeriod).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.EmailCooldown)
            .GreaterThan(x => x.QuietPeriod)
            .WithMessage("'Email Cooldown' must be longer than the quiet period.");
    }
}

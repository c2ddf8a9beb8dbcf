using FluentValidation;

namespace CartRecovery.Scheduling;

public sealed class SchedulerOptionsValidator : AbstractValidator<SchedulerOptions>
{
    public SchedulerOptionsValidator()
    {
        RuleFor(x => x.InstanceName).NotEmpty().MaximumLength(120);
        RuleFor(x => x.MaxConcurrency).InclusiveBetween(1, 256);
        RuleFor(x => x.IdleWaitTime).GreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        RuleFor(x => x.ClusterCheckinInterval).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.MisfireThreshold).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.FirstRetryDelay).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.MaxRetryDelay).GreaterThanOrEqualTo(x => x.FirstRetryDelay);
        RuleFor(x => x.SendTimeout).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 10_000);
        RuleFor(x => x.PollInterval).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.LeaseDuration).GreaterThan(x => x.SendTimeout);
        RuleFor(x => x.SendConcurrency).InclusiveBetween(1, 1024);
        RuleFor(x => x.MaxUnreadableAttempts).GreaterThanOrEqualTo(1);
    }
}

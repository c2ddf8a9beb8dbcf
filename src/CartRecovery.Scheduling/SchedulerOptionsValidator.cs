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
    }
}

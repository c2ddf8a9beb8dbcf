using FluentValidation;

namespace CartRecovery.Delivery.Profiles;

public sealed class SegmentOptionsValidator : AbstractValidator<SegmentOptions>
{
    public SegmentOptionsValidator()
    {
        RuleFor(x => x.VipMinOrders).GreaterThanOrEqualTo(1).WithName(nameof(SegmentOptions.VipMinOrders));
        RuleFor(x => x.VipMinLifetimeValue).GreaterThan(0m).WithName(nameof(SegmentOptions.VipMinLifetimeValue));
        RuleFor(x => x.LowEngagementScore).GreaterThanOrEqualTo(0).WithName(nameof(SegmentOptions.LowEngagementScore));
    }
}

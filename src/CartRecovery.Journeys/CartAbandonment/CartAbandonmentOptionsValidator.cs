using CartRecovery.Journeys.Experiments;
using FluentValidation;

namespace CartRecovery.Journeys.CartAbandonment;

public sealed class CartAbandonmentOptionsValidator : AbstractValidator<CartAbandonmentOptions>
{
    public CartAbandonmentOptionsValidator()
    {
        RuleFor(x => x.IdleTimeout).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.CheckoutIdleTimeout).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.DiscountFollowUpDelay).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.RecoveryDelayVariants).NotNull().SetValidator(new DelayVariantsValidator());
        RuleFor(x => x.Expiry)
            .GreaterThan(x => LongestIdleTimeout(x) + x.DiscountFollowUpDelay)
            .WithMessage("'Expiry' must leave room for the (longest) idle timeout and the discount follow-up.");
        RuleFor(x => x.StandardDiscountPercent).InclusiveBetween(0, 90);
        RuleFor(x => x.VipDiscountPercent).InclusiveBetween(0, 90)
            .GreaterThanOrEqualTo(x => x.StandardDiscountPercent);
        RuleFor(x => x.VipCartValueThreshold).GreaterThanOrEqualTo(0m);
    }

    private static TimeSpan LongestIdleTimeout(CartAbandonmentOptions options) =>
        (options.RecoveryDelayVariants ?? []).Select(v => v.Delay).Append(options.IdleTimeout).Max();
}

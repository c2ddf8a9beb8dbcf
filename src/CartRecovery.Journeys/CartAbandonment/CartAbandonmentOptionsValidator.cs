using FluentValidation;

namespace CartRecovery.Journeys.CartAbandonment;

public sealed class CartAbandonmentOptionsValidator : AbstractValidator<CartAbandonmentOptions>
{
    public CartAbandonmentOptionsValidator()
    {
        RuleFor(x => x.IdleTimeout).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.DiscountFollowUpDelay).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.Expiry)
            .GreaterThan(x => x.IdleTimeout + x.DiscountFollowUpDelay)
            .WithMessage("'Expiry' must leave room for the idle timeout and the discount follow-up.");
        RuleFor(x => x.StandardDiscountPercent).InclusiveBetween(0, 90);
        RuleFor(x => x.VipDiscountPercent).InclusiveBetween(0, 90)
            .GreaterThanOrEqualTo(x => x.StandardDiscountPercent);
        RuleFor(x => x.VipCartValueThreshold).GreaterThanOrEqualTo(0m);
    }
}

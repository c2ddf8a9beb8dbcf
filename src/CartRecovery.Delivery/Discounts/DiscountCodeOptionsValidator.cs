using FluentValidation;

namespace CartRecovery.Delivery.Discounts;

public sealed class DiscountCodeOptionsValidator : AbstractValidator<DiscountCodeOptions>
{
    public const int MinSecretLength = 32;

    public DiscountCodeOptionsValidator()
    {
        RuleFor(x => x.Secret).NotNull().MinimumLength(MinSecretLength).WithName(nameof(DiscountCodeOptions.Secret));
        RuleFor(x => x.Lifetime).GreaterThan(TimeSpan.Zero).WithName(nameof(DiscountCodeOptions.Lifetime));
    }
}

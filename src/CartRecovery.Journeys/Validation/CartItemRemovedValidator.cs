using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class CartItemRemovedValidator : AbstractValidator<CartItemRemoved>
{
    public CartItemRemovedValidator(TimeProvider clock)
    {
        RuleFor(x => x.EventId).RequiredId();
        RuleFor(x => x.OccurredAt).SaneTimestamp(clock);
        RuleFor(x => x.CustomerId).CustomerIdentifier();
        RuleFor(x => x.CartId).RequiredId();
        RuleFor(x => x.Sku).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Quantity).GreaterThan(0);
    }
}

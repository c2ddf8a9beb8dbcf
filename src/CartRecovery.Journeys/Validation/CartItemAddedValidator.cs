using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class CartItemAddedValidator : AbstractValidator<CartItemAdded>
{
    public CartItemAddedValidator(TimeProvider clock)
    {
        RuleFor(x => x.EventId).RequiredId();
        RuleFor(x => x.OccurredAt).SaneTimestamp(clock);
        RuleFor(x => x.CustomerId).CustomerIdentifier();
        RuleFor(x => x.CartId).RequiredId();
        RuleFor(x => x.Item).NotNull().SetValidator(new ProductLineValidator());
    }
}

using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class OrderPlacedValidator : AbstractValidator<OrderPlaced>
{
    public OrderPlacedValidator(TimeProvider clock)
    {
        RuleFor(x => x.EventId).RequiredId();
        RuleFor(x => x.OccurredAt).SaneTimestamp(clock);
        RuleFor(x => x.CustomerId).CustomerIdentifier();
        RuleFor(x => x.OrderId).RequiredId();
        RuleFor(x => x.CartId).Must(id => id != Guid.Empty).WithMessage("'Cart Id' must be absent or a non-empty GUID.");
        RuleFor(x => x.Lines).NotNull();
        RuleForEach(x => x.Lines).SetValidator(new ProductLineValidator());
        RuleFor(x => x.Total).GreaterThanOrEqualTo(0m);
        RuleFor(x => x.Currency).IsoCurrency();
    }
}

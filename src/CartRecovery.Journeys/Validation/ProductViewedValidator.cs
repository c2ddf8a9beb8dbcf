using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class ProductViewedValidator : AbstractValidator<ProductViewed>
{
    public ProductViewedValidator(TimeProvider clock)
    {
        RuleFor(x => x.EventId).RequiredId();
        RuleFor(x => x.OccurredAt).SaneTimestamp(clock);
        RuleFor(x => x.CustomerId).CustomerIdentifier();
        RuleFor(x => x.Sku).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(256);
        RuleFor(x => x.UnitPrice).GreaterThanOrEqualTo(0m);
        RuleFor(x => x.Currency).IsoCurrency();
        RuleFor(x => x.Category).MaximumLength(128);
        RuleFor(x => x.ImageUrl).HttpUrl();
        RuleFor(x => x.ProductUrl).HttpUrl();
        RuleFor(x => x.ViewDuration).Must(d => d is null || (d >= TimeSpan.Zero && d <= TimeSpan.FromHours(12)))
            .WithMessage("'{PropertyName}' must be between 0 and 12 hours.");
    }
}

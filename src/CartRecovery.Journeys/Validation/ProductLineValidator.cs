using CartRecovery.Contracts;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

public sealed class ProductLineValidator : AbstractValidator<ProductLine>
{
    public ProductLineValidator()
    {
        RuleFor(x => x.Sku).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(256);
        RuleFor(x => x.UnitPrice).GreaterThanOrEqualTo(0m);
        RuleFor(x => x.Currency).IsoCurrency();
        RuleFor(x => x.Quantity).GreaterThan(0);
        RuleFor(x => x.Category).MaximumLength(128);
        RuleFor(x => x.ImageUrl).HttpUrl();
        RuleFor(x => x.ProductUrl).HttpUrl();
    }
}

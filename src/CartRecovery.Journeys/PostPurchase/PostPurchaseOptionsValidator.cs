using FluentValidation;

namespace CartRecovery.Journeys.PostPurchase;

public sealed class PostPurchaseOptionsValidator : AbstractValidator<PostPurchaseOptions>
{
    public PostPurchaseOptionsValidator()
    {
        RuleFor(x => x.ReviewDelay).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.ReviewFallback).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.CrossSellDelay).GreaterThan(TimeSpan.Zero);
    }
}

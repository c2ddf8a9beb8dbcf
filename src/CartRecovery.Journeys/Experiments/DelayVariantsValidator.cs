using FluentValidation;

namespace CartRecovery.Journeys.Experiments;

/// <summary>The arms of one timing experiment: none (no experiment) or at least two, named uniquely, each with a
/// positive delay and weight.</summary>
public sealed class DelayVariantsValidator : AbstractValidator<IReadOnlyList<DelayVariant>>
{
    public DelayVariantsValidator()
    {
        RuleFor(x => x.Count).NotEqual(1).WithMessage("A timing experiment needs at least two variants (or none).");
        RuleFor(x => x).Must(v => v.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == v.Count)
            .WithMessage("Variant names must be unique.");
        RuleForEach(x => x).ChildRules(variant =>
        {
            variant.RuleFor(v => v.Name).NotEmpty().MaximumLength(32).Matches("^[a-z0-9-]+$")
                .WithMessage("A variant name is 1 to 32 of a-z, 0-9 and '-'.");
            variant.RuleFor(v => v.Delay).GreaterThan(TimeSpan.Zero);
            variant.RuleFor(v => v.Weight).InclusiveBetween(1, 1000);
        });
    }
}

using FluentValidation;

namespace CartRecovery.Persistence.Retention;

public sealed class RetentionOptionsValidator : AbstractValidator<RetentionOptions>
{
    /// <summary>The cart journey's recommendations look back a week; views younger than that must stay.</summary>
    public static readonly TimeSpan MinProductViews = TimeSpan.FromDays(7);

    public RetentionOptionsValidator()
    {
        RuleFor(x => x.Interval).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 100_000);
        RuleFor(x => x.EndedJourneys).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.ProductViews).GreaterThanOrEqualTo(MinProductViews);
        RuleFor(x => x.Decisions).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.Ledger).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.RejectedEvents).GreaterThan(TimeSpan.Zero);
    }
}

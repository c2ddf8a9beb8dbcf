using CartRecovery.Contracts;
using FluentValidation;
using FluentValidation.Results;

namespace CartRecovery.Delivery.Policy;

public sealed class ContactPolicyOptionsValidator : AbstractValidator<ContactPolicyOptions>
{
    private static readonly HashSet<string> KnownJourneys =
    [
        JourneyNames.CartAbandonment, JourneyNames.BrowseAbandonment, JourneyNames.PostPurchase, JourneyNames.Inactivity,
    ];

    public ContactPolicyOptionsValidator()
    {
        RuleFor(x => x.MaxMarketingEmails).InclusiveBetween(1, 100).WithName(nameof(ContactPolicyOptions.MaxMarketingEmails));
        RuleFor(x => x.Window).GreaterThan(TimeSpan.Zero).WithName(nameof(ContactPolicyOptions.Window));
        RuleFor(x => x.DeferralExpiry).GreaterThan(TimeSpan.Zero).WithName(nameof(ContactPolicyOptions.DeferralExpiry));
        RuleFor(x => x.ContentionWindow).GreaterThanOrEqualTo(TimeSpan.Zero).LessThan(x => x.DeferralExpiry)
            .WithName(nameof(ContactPolicyOptions.ContentionWindow));
        RuleFor(x => x.SettleWindow).GreaterThanOrEqualTo(TimeSpan.Zero).LessThan(x => x.DeferralExpiry)
            .WithName(nameof(ContactPolicyOptions.SettleWindow));
        RuleFor(x => x.DefaultTimeZone)
            .Must(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            .WithMessage(x => $"'{nameof(ContactPolicyOptions.DefaultTimeZone)}' '{x.DefaultTimeZone}' is not a known time zone id.");

        RuleFor(x => x.Cooldowns).NotNull().Custom((cooldowns, context) =>
            ValidateEntries(cooldowns, nameof(ContactPolicyOptions.Cooldowns), context,
                value => value >= TimeSpan.Zero, "must not be negative"));
        RuleFor(x => x.Priorities).NotNull().Custom((priorities, context) =>
            ValidateEntries(priorities, nameof(ContactPolicyOptions.Priorities), context,
                value => value is >= 0 and <= 100, "must be between 0 and 100"));
        RuleFor(x => x.HoldoutPercent).NotNull().Custom((holdouts, context) =>
            ValidateEntries(holdouts, nameof(ContactPolicyOptions.HoldoutPercent), context,
                value => value is >= 0 and <= 50, "must be between 0 and 50 percent"));
    }

    private static void ValidateEntries<TValue>(
        IReadOnlyDictionary<string, TValue>? entries,
        string propertyName,
        ValidationContext<ContactPolicyOptions> context,
        Func<TValue, bool> isValid,
        string rangeMessage)
    {
        foreach (var (journey, value) in entries ?? new Dictionary<string, TValue>())
        {
            var key = $"{propertyName}.{journey}";
            if (!KnownJourneys.Contains(journey))
            {
                context.AddFailure(new ValidationFailure(key,
                    $"'{propertyName}' names an unknown journey '{journey}'; expected one of {string.Join(", ", KnownJourneys)}."));
            }
            else if (!isValid(value))
            {
                context.AddFailure(new ValidationFailure(key, $"'{propertyName}' of '{journey}' {rangeMessage}."));
            }
        }
    }
}

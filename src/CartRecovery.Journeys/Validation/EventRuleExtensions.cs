using System.Globalization;
using FluentValidation;

namespace CartRecovery.Journeys.Validation;

/// <summary>The rules every event contract shares, named once.</summary>
public static class EventRuleExtensions
{
    /// <summary>Producer clocks drift; anything further ahead than this is a bug, not skew.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IRuleBuilderOptions<T, Guid> RequiredId<T>(this IRuleBuilder<T, Guid> rule) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' must be a non-empty GUID.");

    public static IRuleBuilderOptions<T, DateTimeOffset> SaneTimestamp<T>(
        this IRuleBuilder<T, DateTimeOffset> rule, TimeProvider clock) =>
        rule.Must(at => at >= Earliest && at <= clock.GetUtcNow() + AllowedClockSkew)
            .WithMessage("'{PropertyName}' must be after 2000-01-01 and not in the future.");

    public static IRuleBuilderOptions<T, string> CustomerIdentifier<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(128);

    public static IRuleBuilderOptions<T, string> IsoCurrency<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(IsoCurrencies.IsKnown).WithMessage("'{PropertyName}' must be an ISO-4217 currency code such as EUR.");

    public static IRuleBuilderOptions<T, Uri?> HttpUrl<T>(this IRuleBuilder<T, Uri?> rule) =>
        rule.Must(u => u is null || (u.IsAbsoluteUri && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("'{PropertyName}' must be an absolute http(s) URL.");

    public static IRuleBuilderOptions<T, string?> TimeZoneId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is null || TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            .WithMessage("'{PropertyName}' must be an IANA time zone id such as Europe/Berlin.");

    public static IRuleBuilderOptions<T, string?> LocaleTag<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(BeKnownCulture).WithMessage("'{PropertyName}' must be a locale tag such as de-DE.");

    private static bool BeKnownCulture(string? tag)
    {
        if (tag is null)
        {
            return true;
        }

        try
        {
            _ = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}

using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;

namespace CartRecovery.Service.Support;

public sealed partial class ApiKeyOptionsValidator : AbstractValidator<ApiKeyOptions>
{
    public const int MinKeyLength = 24;

    public ApiKeyOptionsValidator()
    {
        RuleFor(x => x.Key).Must(key => string.IsNullOrEmpty(key) || key.Length >= MinKeyLength)
            .WithMessage($"'Key' must be at least {MinKeyLength} characters (set Api__Key).");
        RuleFor(x => x).Must(x => !string.IsNullOrEmpty(x.Key) || x.Keys.Count > 0).OverridePropertyName(nameof(ApiKeyOptions.Key))
            .WithMessage("Set Api__Key (every scope) or at least one Api__Keys__<name>__Key with its Scopes.");
        RuleFor(x => x.Keys).Must(keys => !keys.ContainsKey(ApiKeyOptions.KeyName)).When(x => !string.IsNullOrEmpty(x.Key))
            .WithMessage($"'Keys' must not name '{ApiKeyOptions.KeyName}' while 'Key' is set: that is its name.");
        RuleFor(x => x).Custom((options, context) =>
        {
            foreach (var (name, grant) in options.Keys)
            {
                var prefix = $"{nameof(ApiKeyOptions.Keys)}.{name}";
                if (!Name().IsMatch(name))
                {
                    context.AddFailure(new ValidationFailure(prefix, $"Key name '{name}' must be 1 to 64 letters, digits, '-' or '_'."));
                }

                if (grant.Key.Length < MinKeyLength)
                {
                    context.AddFailure(new ValidationFailure($"{prefix}.Key", $"'Key' must be at least {MinKeyLength} characters."));
                }

                if (grant.Scopes.Count == 0 || grant.Scopes.Any(s => !ApiScopes.IsKnown(s)))
                {
                    context.AddFailure(new ValidationFailure($"{prefix}.Scopes",
                        $"'Scopes' must list one or more of {string.Join(", ", ApiScopes.All)}."));
                }
            }

            if (options.Grants().GroupBy(g => g.Key, StringComparer.Ordinal).Any(g => g.Count() > 1))
            {
                context.AddFailure(new ValidationFailure(nameof(ApiKeyOptions.Keys), "Two keys have the same value; each key needs its own."));
            }
        });
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Name();
}

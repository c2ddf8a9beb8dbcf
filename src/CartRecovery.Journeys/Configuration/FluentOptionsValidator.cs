using FluentValidation;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Configuration;

/// <summary>Runs a FluentValidation validator over bound options at start, naming each failing key in full
/// (e.g. <c>Journeys:CartAbandonment:IdleTimeout</c>) so an operator knows what to fix.</summary>
public sealed class FluentOptionsValidator<TOptions>(string sectionName, IValidator<TOptions> validator)
    : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = validator.Validate(options);
        if (result.IsValid)
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            result.Errors.Select(e => $"{sectionName}:{e.PropertyName.Replace('.', ':')}: {e.ErrorMessage}"));
    }
}

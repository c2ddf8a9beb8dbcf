using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Journeys.Configuration;

public static class OptionsBuilderExtensions
{
    /// <summary>Binds <typeparamref name="TOptions"/> from <paramref name="sectionName"/> and fails the host's start
    /// when the validator refuses it.</summary>
    public static OptionsBuilder<TOptions> BindValidated<TOptions, TValidator>(
        this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidator<TOptions>, new()
    {
        services.AddSingleton<IValidateOptions<TOptions>>(
            new FluentOptionsValidator<TOptions>(sectionName, new TValidator()));
        return services.AddOptions<TOptions>()
            .BindConfiguration(sectionName)
            .ValidateOnStart();
    }
}

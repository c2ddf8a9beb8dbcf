using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Tests.Support;

/// <summary>Binds and validates options the way the service does (bind a section, validate with FluentValidation,
/// report the full key), without depending on the service's own wiring.</summary>
internal static class OptionsBinding
{
    public static TOptions Bind<TOptions, TValidator>(string sectionName, Dictionary<string, string?> settings)
        where TOptions : class
        where TValidator : IValidator<TOptions>, new()
    {
        var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddOptions<TOptions>()
            .BindConfiguration(sectionName)
            .Validate(options => Validate<TOptions, TValidator>(sectionName, options))
            .Services
            .BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TOptions>>().Value;
    }

    private static bool Validate<TOptions, TValidator>(string sectionName, TOptions options)
        where TValidator : IValidator<TOptions>, new()
    {
        var result = new TValidator().Validate(options);
        return result.IsValid
            ? true
            : throw new OptionsValidationException(sectionName, typeof(TOptions),
                result.Errors.Select(e => $"{sectionName}:{e.PropertyName.Replace('.', ':')}: {e.ErrorMessage}"));
    }
}

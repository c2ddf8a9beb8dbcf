using FluentValidation;

namespace CartRecovery.Service.Support;

public sealed class ApiKeyOptionsValidator : AbstractValidator<ApiKeyOptions>
{
    public ApiKeyOptionsValidator() =>
        RuleFor(x => x.Key).NotEmpty().MinimumLength(24).WithMessage("'Key' must be at least 24 characters (set Api__Key).");
}

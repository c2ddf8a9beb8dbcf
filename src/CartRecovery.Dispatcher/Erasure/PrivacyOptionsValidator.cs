using FluentValidation;

namespace CartRecovery.Dispatcher.Erasure;

public sealed class PrivacyOptionsValidator : AbstractValidator<PrivacyOptions>
{
    public const int MinSecretLength = 32;

    public PrivacyOptionsValidator() =>
        RuleFor(x => x.PseudonymSecret).NotNull().MinimumLength(MinSecretLength).WithName(nameof(PrivacyOptions.PseudonymSecret));
}

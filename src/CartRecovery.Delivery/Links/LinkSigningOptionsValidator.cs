using FluentValidation;

namespace CartRecovery.Delivery.Links;

public sealed class LinkSigningOptionsValidator : AbstractValidator<LinkSigningOptions>
{
    public const int MinSecretLength = 32;

    public LinkSigningOptionsValidator()
    {
        RuleFor(x => x.Secret).NotNull().MinimumLength(MinSecretLength).WithName(nameof(LinkSigningOptions.Secret));
        RuleFor(x => x.BaseUrl)
            .Must(url => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            .WithMessage($"'{nameof(LinkSigningOptions.BaseUrl)}' must be an absolute http or https address.");
        RuleFor(x => x.TokenLifetime).GreaterThan(TimeSpan.Zero).WithName(nameof(LinkSigningOptions.TokenLifetime));
    }
}

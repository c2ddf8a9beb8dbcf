using System.Text.RegularExpressions;
using FluentValidation;

namespace CartRecovery.Delivery.Links;

public sealed partial class LinkSigningOptionsValidator : AbstractValidator<LinkSigningOptions>
{
    public const int MinSecretLength = 32;

    public LinkSigningOptionsValidator()
    {
        RuleFor(x => x.Secret).Must(s => string.IsNullOrEmpty(s) || s.Length >= MinSecretLength)
            .WithMessage($"'{nameof(LinkSigningOptions.Secret)}' must be at least {MinSecretLength} characters.");
        RuleFor(x => x.Keys).Must(keys => !keys.ContainsKey(LinkSigningOptions.SecretKeyId))
            .When(x => !string.IsNullOrEmpty(x.Secret))
            .WithMessage($"'{nameof(LinkSigningOptions.Keys)}' must not name '{LinkSigningOptions.SecretKeyId}' while '{nameof(LinkSigningOptions.Secret)}' is set: that is the secret's id.");
        RuleForEach(x => x.Keys)
            .Must(k => KeyId().IsMatch(k.Key))
            .WithMessage((_, k) => $"Key id '{k.Key}' must be 1 to 32 letters, digits, '-' or '_'.")
            .Must(k => k.Value is { Length: >= MinSecretLength })
            .WithMessage((_, k) => $"Key '{k.Key}' must be at least {MinSecretLength} characters.")
            .OverridePropertyName(nameof(LinkSigningOptions.Keys));
        RuleFor(x => x.EffectiveCurrentKeyId).Must((options, id) => options.AllKeys().ContainsKey(id))
            .OverridePropertyName(nameof(LinkSigningOptions.CurrentKeyId))
            .WithMessage(x => $"'{nameof(LinkSigningOptions.CurrentKeyId)}' must name a configured key ('{x.EffectiveCurrentKeyId}' is not one); set {nameof(LinkSigningOptions.Secret)} or {nameof(LinkSigningOptions.Keys)}:<id> and {nameof(LinkSigningOptions.CurrentKeyId)}.");
        RuleFor(x => x.BaseUrl)
            .Must(IsWebAddress)
            .WithMessage($"'{nameof(LinkSigningOptions.BaseUrl)}' must be an absolute http or https address.");
        RuleFor(x => x.ShopUrl).Must(IsWebAddress)
            .WithMessage($"'{nameof(LinkSigningOptions.ShopUrl)}' must be the shop's home page, an absolute http or https address: links in emails land there, never on the tracking address.");
        RuleFor(x => x.CartUrlTemplate)
            .Must(t => t!.Contains(LinkSigningOptions.CartIdPlaceholder, StringComparison.Ordinal) && IsWebAddress(ShopTargets.Fill(t, Guid.Empty)))
            .WithMessage($"'{nameof(LinkSigningOptions.CartUrlTemplate)}' must be an absolute http or https address containing {LinkSigningOptions.CartIdPlaceholder}, e.g. https://shop.example/cart/{LinkSigningOptions.CartIdPlaceholder}.")
            .Must((options, t) => IsRedirectHost(options, ShopTargets.Fill(t!, Guid.Empty)))
            .WithMessage($"'{nameof(LinkSigningOptions.CartUrlTemplate)}' must point at one of the shop's hosts ('{nameof(LinkSigningOptions.AllowedRedirectHosts)}', or the shop URL's host), or a click on it would land on the shop home.")
            .When(x => !string.IsNullOrEmpty(x.CartUrlTemplate));
        RuleForEach(x => x.AllowedRedirectHosts)
            .Must(host => Uri.CheckHostName(host) != UriHostNameType.Unknown)
            .WithMessage((_, host) => $"'{host}' is not a host name.")
            .OverridePropertyName(nameof(LinkSigningOptions.AllowedRedirectHosts));
        RuleFor(x => x.TokenLifetime).GreaterThan(TimeSpan.Zero).WithName(nameof(LinkSigningOptions.TokenLifetime));
        RuleFor(x => x.UnsubscribeTokenLifetime).GreaterThanOrEqualTo(x => x.TokenLifetime)
            .WithName(nameof(LinkSigningOptions.UnsubscribeTokenLifetime));
    }

    private static bool IsRedirectHost(LinkSigningOptions options, Uri? url) =>
        url is not null && (options.AllowedRedirectHosts.Count > 0
            ? options.AllowedRedirectHosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase)
            : string.Equals(options.ShopUrl?.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase));

    private static bool IsWebAddress(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyId();
}

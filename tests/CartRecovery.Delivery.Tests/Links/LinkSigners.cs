using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Tests.Support;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Tests.Links;

/// <summary>Signers built from configuration the way the service binds it, so specs speak in configuration keys.</summary>
internal static class LinkSigners
{
    public const string FirstSecret = "the-first-link-secret-at-least-32-characters";
    public const string SecondSecret = "the-second-link-secret-at-least-32-characters";

    public static LinkSigner From(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{LinkSigningOptions.SectionName}:BaseUrl"] = "https://mail.example.com/",
            [$"{LinkSigningOptions.SectionName}:ShopUrl"] = "https://shop.example.com/",
        };
        foreach (var (key, value) in settings)
        {
            values[$"{LinkSigningOptions.SectionName}:{key}"] = value;
        }

        return new LinkSigner(Options.Create(
            OptionsBinding.Bind<LinkSigningOptions, LinkSigningOptionsValidator>(LinkSigningOptions.SectionName, values)));
    }
}

using CartRecovery.Contracts;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Links;

/// <summary>Where each link of an email lands on the shop: the cart page, a product's page, or the shop's home as
/// the last resort. Never the service's own address.</summary>
public sealed class ShopTargets
{
    private readonly string? _cartUrlTemplate;

    public ShopTargets(IOptions<LinkSigningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Home = options.Value.ShopUrl
            ?? throw new ArgumentException($"{nameof(LinkSigningOptions.ShopUrl)} is required.", nameof(options));
        _cartUrlTemplate = string.IsNullOrEmpty(options.Value.CartUrlTemplate) ? null : options.Value.CartUrlTemplate;
    }

    public Uri Home { get; }

    /// <summary>The cart URL the producer sent, else the configured cart page for this cart, else the shop home.</summary>
    public Uri Cart(Guid? cartId, Uri? cartUrl) =>
        cartUrl is { IsAbsoluteUri: true } ? cartUrl
        : cartId is { } id && _cartUrlTemplate is not null ? Fill(_cartUrlTemplate, id) ?? Home
        : Home;

    public Uri Product(ProductLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.ProductUrl is { IsAbsoluteUri: true } url ? url : Home;
    }

    /// <summary>The template with the cart id in place of its placeholder, or null when that is no absolute URL.</summary>
    public static Uri? Fill(string template, Guid cartId)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Uri.TryCreate(template.Replace(LinkSigningOptions.CartIdPlaceholder, cartId.ToString("D"), StringComparison.Ordinal),
            UriKind.Absolute, out var url) ? url : null;
    }
}

using CartRecovery.Contracts;
using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Profiles;

namespace CartRecovery.Delivery.Templates;

/// <summary>Turns a due step into what its template shows. Every link goes through signed click tracking and lands
/// on the shop: the cart page, a product's page, or the shop home; never the service's own address.</summary>
public sealed class EmailModelFactory(LinkSigner links, ShopTargets targets)
{
    public EmailModel Create(SendJourneyEmail request, CustomerProfile profile, IReadOnlyList<ProductLine> products,
        IReadOnlyList<ProductLine> recommendations, IssuedDiscount? discount, Uri unsubscribeUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        Uri Click(Uri target) => links.ClickUrl(request.JourneyId, request.Step, request.CustomerId, target, now);
        EmailProduct Product(ProductLine line) => EmailProduct.From(line, Click(targets.Product(line)));

        var isAboutACart = request.CartId is not null || request.CartUrl is not null;
        return new EmailModel
        {
            FirstName = profile.FirstName,
            Locale = profile.Locale,
            TimeZone = profile.TimeZone,
            Currency = request.Currency,
            CartValue = request.CartValue,
            Products = [.. products.Select(Product)],
            Recommendations = [.. recommendations.Select(Product)],
            Categories = CategoriesOf(products),
            DiscountCode = discount?.Code,
            DiscountPercent = request.DiscountPercent,
            DiscountExpiresAt = discount?.ExpiresAt,
            CartUrl = isAboutACart ? Click(targets.Cart(request.CartId, request.CartUrl)) : null,
            ShopUrl = Click(targets.Home),
            Carrier = request.Carrier,
            TrackingNumber = request.TrackingNumber,
            TrackingUrl = request.TrackingUrl,
            OpenPixelUrl = links.OpenPixelUrl(request.JourneyId, request.Step, request.CustomerId, now),
            UnsubscribeUrl = unsubscribeUrl,
        };
    }

    public static IReadOnlyList<string> CategoriesOf(IEnumerable<ProductLine> products) =>
        [.. products.Select(p => p.Category).OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
}

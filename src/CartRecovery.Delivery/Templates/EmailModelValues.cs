using Fluid;
using Fluid.Values;

namespace CartRecovery.Delivery.Templates;

/// <summary>Exposes the model to templates under snake_case names.</summary>
internal static class EmailModelValues
{
    private static readonly HashSet<string> Names =
    [
        "first_name", "locale", "currency", "cart_value", "discount_code", "discount_percent", "discount_expires_at",
        "open_pixel_url", "unsubscribe_url", "products", "cart_url", "shop_url", "carrier", "tracking_number",
        "tracking_url", "categories", "recommendations",
    ];

    /// <summary>Whether a template may name this value even when the model leaves it empty.</summary>
    public static bool IsKnown(string name) => Names.Contains(name);

    public static void CopyTo(EmailModel model, TemplateContext context)
    {
        Set(context, "first_name", model.FirstName);
        Set(context, "locale", model.Locale);
        Set(context, "currency", model.Currency);
        Set(context, "cart_value", model.CartValue);
        Set(context, "discount_code", model.DiscountCode);
        Set(context, "discount_percent", model.DiscountPercent);
        Set(context, "discount_expires_at", model.DiscountExpiresAt);
        Set(context, "open_pixel_url", model.OpenPixelUrl.AbsoluteUri);
        Set(context, "unsubscribe_url", model.UnsubscribeUrl.AbsoluteUri);
        Set(context, "products", model.Products.Select(ToValues).ToList());
        Set(context, "cart_url", model.CartUrl?.AbsoluteUri);
        Set(context, "shop_url", model.ShopUrl.AbsoluteUri);
        Set(context, "carrier", model.Carrier);
        Set(context, "tracking_number", model.TrackingNumber);
        Set(context, "tracking_url", model.TrackingUrl?.AbsoluteUri);
        Set(context, "categories", model.Categories.ToList());
        Set(context, "recommendations", model.Recommendations.Select(ToValues).ToList());
    }

    private static Dictionary<string, object?> ToValues(EmailProduct product) => new(StringComparer.Ordinal)
    {
        ["name"] = product.Name,
        ["sku"] = product.Sku,
        ["quantity"] = product.Quantity,
        ["unit_price"] = product.UnitPrice,
        ["line_total"] = product.UnitPrice * product.Quantity,
        ["currency"] = product.Currency,
        ["category"] = product.Category,
        ["image_url"] = product.ImageUrl?.AbsoluteUri,
        ["click_url"] = product.ClickUrl.AbsoluteUri,
    };

    private static void Set(TemplateContext context, string name, object? value) =>
        context.SetValue(name, value is null ? NilValue.Instance : FluidValue.Create(value, context.Options));
}

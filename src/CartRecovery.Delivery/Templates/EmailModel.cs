namespace CartRecovery.Delivery.Templates;

/// <summary>Everything a template may show. Links arrive pre-signed, so templates need no code to build them.</summary>
public sealed record EmailModel
{
    public string? FirstName { get; init; }
    /// <summary>BCP-47 tag, e.g. "de-DE": picks the template language and formats money and dates; unknown or
    /// missing means English templates, money with the ISO code, culture-neutrally.</summary>
    public string? Locale { get; init; }
    /// <summary>IANA zone that dates are shown in; missing keeps each date's own offset.</summary>
    public string? TimeZone { get; init; }
    /// <summary>ISO-4217 code of <see cref="CartValue"/>.</summary>
    public string? Currency { get; init; }
    /// <summary>The cart's or order's lines; for a browse email the viewed product first, then others seen lately.</summary>
    public IReadOnlyList<EmailProduct> Products { get; init; } = [];
    /// <summary>The cart's or the order's total.</summary>
    public decimal? CartValue { get; init; }
    public string? DiscountCode { get; init; }
    public int? DiscountPercent { get; init; }
    public DateTimeOffset? DiscountExpiresAt { get; init; }
    /// <summary>Signed link that lands on the cart (or checkout) page, when the email is about a cart.</summary>
    public Uri? CartUrl { get; init; }
    /// <summary>Signed link that lands on the shop's home page.</summary>
    public required Uri ShopUrl { get; init; }
    public string? Carrier { get; init; }
    public string? TrackingNumber { get; init; }
    /// <summary>The carrier's tracking page, as the shop sent it: not through click tracking, since the redirect
    /// only lands on the shop's own hosts.</summary>
    public Uri? TrackingUrl { get; init; }
    /// <summary>Distinct categories of <see cref="Products"/>, in order of first appearance.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>Products to suggest next (cross-sell): seen lately in the order's categories, not bought.</summary>
    public IReadOnlyList<EmailProduct> Recommendations { get; init; } = [];
    public required Uri OpenPixelUrl { get; init; }
    public required Uri UnsubscribeUrl { get; init; }
}

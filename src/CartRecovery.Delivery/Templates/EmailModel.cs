namespace CartRecovery.Delivery.Templates;

/// <summary>Everything a template may show. Links arrive pre-signed, so templates need no code to build them.</summary>
public sealed record EmailModel
{
    public string? FirstName { get; init; }
    /// <summary>BCP-47 tag, e.g. "de-DE"; unknown or missing formats money with the ISO code, culture-neutrally.</summary>
    public string? Locale { get; init; }
    /// <summary>IANA zone that dates are shown in; missing keeps each date's own offset.</summary>
    public string? TimeZone { get; init; }
    /// <summary>ISO-4217 code of <see cref="CartValue"/>.</summary>
    public string? Currency { get; init; }
    public IReadOnlyList<EmailProduct> Products { get; init; } = [];
    public decimal? CartValue { get; init; }
    public string? DiscountCode { get; init; }
    public int? DiscountPercent { get; init; }
    public DateTimeOffset? DiscountExpiresAt { get; init; }
    public required Uri OpenPixelUrl { get; init; }
    public required Uri UnsubscribeUrl { get; init; }
}

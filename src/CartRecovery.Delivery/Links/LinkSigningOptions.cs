namespace CartRecovery.Delivery.Links;

/// <summary>How tracking and unsubscribe links are signed and where they point, bound from <c>Delivery:Links</c>.</summary>
public sealed record LinkSigningOptions
{
    public const string SectionName = "Delivery:Links";

    /// <summary>HMAC key, at least 32 characters. Rotating it invalidates every link already sent.</summary>
    public string Secret { get; init; } = "";

    /// <summary>Absolute http(s) address of the tracking endpoints, e.g. "https://mail.example.com".</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The shop's home page, for products that have no page of their own; the base URL when unset.</summary>
    public Uri? ShopUrl { get; init; }

    /// <summary>Links older than this are refused; unsubscribe links in old emails must keep working for a while.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromDays(90);
}
